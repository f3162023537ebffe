using Scriban;

namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>
/// The subject, text and HTML templates, parsed once when loaded. The defaults are the embedded Templates/*.sbn; a
/// directory with <c>subject.sbn</c>, <c>text.sbn</c> and/or <c>html.sbn</c> overrides them one by one. A template
/// that does not parse stops start-up with its file, line and column.
/// </summary>
public sealed class AlertTemplates
{
    public static readonly string[] Names = ["subject", "text", "html"];

    private AlertTemplates(Template[] templates)
    {
        Subject = templates[0];
        Text = templates[1];
        Html = templates[2];
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

        return new AlertTemplates([.. Names.Select(name => LoadOne(overrideDirectory, name))]);
    }

    private static Template LoadOne(string? overrideDirectory, string name)
    {
        var file = overrideDirectory is null ? null : Path.Combine(overrideDirectory, name + ".sbn");
        return file is not null && File.Exists(file) ? Parse(Read(file), file) : Parse(Embedded(name), $"embedded:{name}.sbn");
    }

    private static string Read(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AlertingConfigurationException($"read template {file}: {exception.Message}", exception);
        }
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
