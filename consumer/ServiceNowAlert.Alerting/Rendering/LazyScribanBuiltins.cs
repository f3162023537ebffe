using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>
/// Scriban's builtin library (string, date, html, math... and empty/blank) as the bottom of every template's variable
/// stack, built on the first name a template looks up in it. The default templates only read the model, which sits
/// above it, so they never build it: that saves about 11 ms of CPU and 3.5 MB at cold start. One frozen copy is shared
/// by every render after it, so no template can change it for the next.
/// </summary>
internal sealed class LazyScribanBuiltins : ScriptObject
{
    private static readonly Lazy<Scriban.Functions.BuiltinFunctions> Frozen = new(Freeze);

    public static readonly LazyScribanBuiltins Instance = new();

    private LazyScribanBuiltins() => IsReadOnly = true;

    public override bool Contains(string member) => Frozen.Value.Contains(member);

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value) =>
        Frozen.Value.TryGetValue(context, span, member, out value);

    private static Scriban.Functions.BuiltinFunctions Freeze()
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
