using Scriban;

namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>
/// The subject, text and HTML templates. Defaults are embedded (Templates/*.sbn) and compiled into
/// <see cref="DefaultAlertWriter"/>; a directory with <c>subject.sbn</c>, <c>text.sbn</c> and/or <c>html.sbn</c>
/// overrides them, parsed once at start-up, and a template that does not parse stops start-up with its file, line and
/// column. The embedded defaults are parsed only when a Scriban run of them is asked for (tests comparing the two).
/// </summary>
public sealed class AlertTemplates
{
    public static readonly string[] Names = ["subject", "text", "html"];

    private readonly Lazy<Template>[] _templates;

    private AlertTemplates(Lazy<Template>[] templates, bool[] isDefault)
    {
        _templates = templates;
        SubjectIsDefault = isDefault[0];
        TextIsDefault = isDefault[1];
        HtmlIsDefault = isDefault[2];
    }

    public Template Subject => _templates[0].Value;

    public Template Text => _templates[1].Value;

    public Template Html => _templates[2].Value;

    public bool SubjectIsDefault { get; }

    public bool TextIsDefault { get; }

    public bool HtmlIsDefault { get; }

    public static AlertTemplates Load(string? overrideDirectory = null)
    {
        if (overrideDirectory is not null && !Directory.Exists(overrideDirectory))
        {
            throw new AlertingConfigurationException($"load templates: directory {overrideDirectory} does not exist");
        }

        var files = Names.Select(name => overrideDirectory is null ? null : Path.Combine(overrideDirectory, name + ".sbn")).Select(file => file is not null && File.Exists(file) ? file : null).ToArray();
        var templates = Names.Select((name, index) => files[index] is { } file
            ? new Lazy<Template>(Parse(File.ReadAllText(file), file))
            : new Lazy<Template>(() => Parse(Embedded(name), $"embedded:{name}.sbn"))).ToArray();
        return new AlertTemplates(templates, [.. files.Select(file => file is null)]);
    }

    private static Template Parse(string text, string source)
    {
        var template = Template.Parse(text, source);
        if (template.HasErrors)
        {
            // LogMessage prints as "file(line,column) : error : message".
            throw new AlertingConfigurationException($"parse template {source}: {string.Join("; ", template.Messages.Select(message => message.ToString()))}");
        }

        return template;
    }

    private static string Embedded(string name)
    {
        using var stream = typeof(AlertTemplates).Assembly.GetManifestResourceStream($"templates/{name}.sbn")
            ?? throw new AlertingConfigurationException($"load template {name}: not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
