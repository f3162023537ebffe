using Scriban;

namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>
/// The subject, text and HTML templates, parsed once per cold start. Defaults are embedded; a directory with
/// <c>subject.sbn</c>, <c>text.sbn</c> and/or <c>html.sbn</c> overrides them, and a template that does not parse
/// stops start-up with its file, line and column.
/// </summary>
public sealed class AlertTemplates
{
    public static readonly string[] Names = ["subject", "text", "html"];

    private AlertTemplates(Template subject, Template text, Template html)
    {
        Subject = subject;
        Text = text;
        Html = html;
    }

    public Template Subject { get; }

    public Template Text { get; }

    public Template Html { get; }

    public static AlertTemplates Load(string? overrideDirectory = null)
    {
        if (overrideDirectory is not null && !Directory.Exists(overrideDirectory))
        {
            throw new AlertingConfigurationException($"load templates: directory {overrideDirectory} does not exist");
        }

        var parsed = Names.Select(name => Parse(name, overrideDirectory)).ToArray();
        return new AlertTemplates(parsed[0], parsed[1], parsed[2]);
    }

    private static Template Parse(string name, string? overrideDirectory)
    {
        var file = overrideDirectory is null ? null : Path.Combine(overrideDirectory, name + ".sbn");
        var (text, source) = file is not null && File.Exists(file) ? (File.ReadAllText(file), file) : (Embedded(name), $"embedded:{name}.sbn");
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
