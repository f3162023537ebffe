using Scriban;
using Scriban.Runtime;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>
/// Renders subject, text and HTML for one alert. Pure: the same request and templates give the same output. The
/// embedded defaults run compiled (<see cref="DefaultAlertWriter"/>); overrides run in Scriban, each in a fresh
/// <see cref="TemplateContext"/> (they are not thread-safe) with strict variables and safe-runtime limits.
/// <paramref name="compiledDefaults"/> false runs the defaults in Scriban too (the equivalence tests compare the two).
/// </summary>
public sealed class AlertRenderer(AlertTemplates templates, bool compiledDefaults = true)
{
    public const int MaxSubjectCharacters = 200;
    public const int MaxHtmlBytes = 100 * 1024;

    private static readonly string[] ReplyOrForwardPrefixes = ["RE:", "FW:", "FWD:", "AW:", "WG:", "TR:", "SV:", "VS:"];

    public RenderedAlert Render(AlertRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var textView = AlertModelBuilder.View(request, html: false);
        var htmlView = AlertModelBuilder.View(request, html: true, textView.ServiceNowFields);
        ScriptObject? textModel = null;
        ScriptObject TextModel() => textModel ??= AlertModelBuilder.ToScriptObject(textView);

        var subject = Subject(compiledDefaults && templates.SubjectIsDefault ? DefaultAlertWriter.Subject(textView) : Run(templates.Subject, TextModel()));
        var rawText = compiledDefaults && templates.TextIsDefault ? DefaultAlertWriter.Text(textView) : Run(templates.Text, TextModel());
        var text = TextLimits.WrapLongLines(TextLimits.NormaliseBody(rawText));
        if (text.Length > TextLimits.MaxBodyCharacters)
        {
            text = text[..(TextLimits.MaxBodyCharacters - 80)] + "\n\n[text truncated here: ServiceNow reads at most 524288 characters]\n";
        }

        var html = compiledDefaults && templates.HtmlIsDefault ? DefaultAlertWriter.Html(htmlView) : Run(templates.Html, AlertModelBuilder.ToScriptObject(htmlView));
        return new RenderedAlert(subject, text, html);
    }

    /// <summary>One line, no reply or forward prefix (ServiceNow would treat the mail as a reply or forward), 200 characters.</summary>
    internal static string Subject(string rendered)
    {
        var subject = string.Join(' ', TextLimits.OneLine(rendered).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (ReplyOrForwardPrefixes.Any(prefix => subject.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            subject = "[ALERT] " + subject;
        }

        return subject.Length <= MaxSubjectCharacters ? subject : subject[..(MaxSubjectCharacters - 1)].TrimEnd() + TextLimits.Ellipsis;
    }

    private static string Run(Template template, ScriptObject model)
    {
        var context = new TemplateContext(ScribanBuiltins.Frozen)
        {
            StrictVariables = true,
            LoopLimit = 1000,
            RecursiveLimit = 20,
            LimitToString = 64 * 1024,
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

    // A new TemplateContext deep-clones Scriban's whole builtin library (hundreds of functions, built by reflection):
    // one frozen copy is shared instead, so no template can change it for the next. It lives in its own class so that
    // it is built only when an override template first runs, not in every cold start.
    private static class ScribanBuiltins
    {
        public static readonly Scriban.Functions.BuiltinFunctions Frozen = Create();

        private static Scriban.Functions.BuiltinFunctions Create()
        {
            var builtins = new Scriban.Functions.BuiltinFunctions();
            foreach (var value in builtins.Values)
            {
                if (value is ScriptObject library)
                {
                    library.IsReadOnly = true;
                }
            }

            builtins.IsReadOnly = true;
            return builtins;
        }
    }
}
