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
        var textView = AlertModelBuilder.View(request);
        var htmlView = AlertModelBuilder.Escaped(textView);
        ScriptObject? textModel = null;
        ScriptObject TextModel() => textModel ??= AlertModelBuilder.ToScriptObject(textView);

        using var buffer = RenderBuffer.Rent();
        string subject;
        if (compiledDefaults && templates.SubjectIsDefault)
        {
            DefaultAlertWriter.Subject(textView, buffer.Builder);
            subject = Subject(buffer.Builder.ToString());
            buffer.Builder.Clear();
        }
        else
        {
            subject = Subject(Run(templates.Subject, TextModel()));
        }

        if (compiledDefaults && templates.TextIsDefault)
        {
            DefaultAlertWriter.Text(textView, buffer.Builder);
        }
        else
        {
            buffer.Builder.Append(Run(templates.Text, TextModel()));
        }

        var text = TextLimits.BodyUtf8(buffer.Written());
        buffer.Builder.Clear();
        if (compiledDefaults && templates.HtmlIsDefault)
        {
            DefaultAlertWriter.Html(htmlView, buffer.Builder);
        }
        else
        {
            buffer.Builder.Append(Run(templates.Html, AlertModelBuilder.ToScriptObject(htmlView)));
        }

        return new RenderedAlert(subject, text, buffer.ToUtf8());
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
