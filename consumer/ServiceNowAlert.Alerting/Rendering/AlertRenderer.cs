using System.Text;
using Scriban;
using Scriban.Runtime;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>
/// Renders subject, text and HTML for one alert in Scriban, from the embedded default templates or their overrides
/// alike. Pure: the same request and templates give the same output. Each template run gets a fresh
/// <see cref="TemplateContext"/> (it is not thread-safe) with strict variables and safe-runtime limits.
/// </summary>
public sealed class AlertRenderer(AlertTemplates templates)
{
    public const int MaxSubjectCharacters = 200;
    /// <summary>The HTML part of every valid alert stays below this (<see cref="HtmlBudget"/>).</summary>
    public const int MaxHtmlBytes = 100_000;

    private static readonly string[] ReplyOrForwardPrefixes = ["RE:", "FW:", "FWD:", "AW:", "WG:", "TR:", "SV:", "VS:"];

    public RenderedAlert Render(AlertRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var view = AlertModelBuilder.View(request);
        var textModel = AlertModelBuilder.ToScriptObject(view);
        var subject = Subject(Run(templates.Subject, textModel));
        var text = TextLimits.BodyUtf8(Run(templates.Text, textModel));
        var html = Encoding.UTF8.GetBytes(Run(templates.Html, AlertModelBuilder.ToScriptObject(AlertModelBuilder.ForHtml(view))));
        return new RenderedAlert(subject, text, html);
    }

    /// <summary>One line, no reply or forward prefix (ServiceNow would treat the mail as a reply or forward), 200 characters.</summary>
    internal static string Subject(string rendered)
    {
        // As the header will read back: white space tidied, no encoded-word opener.
        var subject = Mail.HeaderText.Literal(TextLimits.OneLine(rendered));
        foreach (var prefix in ReplyOrForwardPrefixes)
        {
            if (subject.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                subject = "[ALERT] " + subject;
                break;
            }
        }

        return subject.Length <= MaxSubjectCharacters ? subject : subject[..(MaxSubjectCharacters - 1)].TrimEnd() + TextLimits.Ellipsis;
    }

    private static string Run(Template template, ScriptObject model)
    {
        var context = new TemplateContext(LazyScribanBuiltins.Instance)
        {
            StrictVariables = true,
            LoopLimit = 1000,
            RecursiveLimit = 20,
            // Scriban cuts a template's whole output at this length, even inside a character. The text part of a valid
            // request can pass 64 Ki characters (it shows up to 256 KiB of request whole); 1 Mi is above any, so only
            // a runaway override is cut, and TextLimits still cuts the text part to ServiceNow's limit.
            LimitToString = 1024 * 1024,
            ObjectRecursionLimit = 20,
            RegexTimeOut = TimeSpan.FromMilliseconds(100),
            EnableRelaxedMemberAccess = false,
            NewLine = "\n",
            TemplateLoader = null,
        };
        context.PushGlobal(model);
        try
        {
            return template.Render(context);
        }
        catch (Scriban.Syntax.ScriptRuntimeException exception)
        {
            throw new AlertingConfigurationException($"render template {template.SourceFilePath}: {exception.Message}", exception);
        }
    }
}
