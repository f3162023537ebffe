using System.Text;
using ServiceNowAlert.Alerting.Rendering;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Normalisers;

namespace ServiceNowAlert.Fuzz;

/// <summary>
/// What the fuzzer drives. A target throws only when it finds a defect: an exception escaping the code under test, or
/// a broken invariant. Everything else (any verdict on bad input) is the code working as designed.
/// </summary>
public static class FuzzTargets
{
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["reader"] = Reader,
        ["normaliser"] = Normaliser,
        ["renderer"] = Renderer,
    };

    // Lazy: instrumented code must not run before SharpFuzz has set up AFL's shared memory in Fuzzer.Run.
    private static readonly Lazy<AlertRenderer> DefaultRenderer = new(() => new AlertRenderer(AlertTemplates.Load()));

    /// <summary>The trigger normaliser must never throw, and every alert it makes must pass the contract.</summary>
    public static void Normaliser(byte[] input)
    {
        var result = TriggerNormaliser.Normalise(input, new NormaliserOptions { Region = "eu-west-1" });
        if (result.Failed && result.Alerts.Count > 0)
        {
            throw new FuzzInvariantException("normaliser: a failed result must carry no alerts (nothing half-sent)");
        }

        foreach (var alert in result.Alerts)
        {
            if (AlertValidator.Validate(alert).Count > 0)
            {
                throw new FuzzInvariantException("normaliser: produced an alert that breaks the contract");
            }
        }
    }

    /// <summary>
    /// Every request the contract accepts must render: a one-line subject of at most 200 characters, text lines of at
    /// most 998 octets, an HTML part under 100,000 bytes, and no live markup from the alert in the HTML.
    /// </summary>
    public static void Renderer(byte[] input)
    {
        var read = AlertRequestReader.Read(input);
        if (!read.IsValid)
        {
            return;
        }

        var rendered = DefaultRenderer.Value.Render(read.Request!);
        if (rendered.Subject.Length > AlertRenderer.MaxSubjectCharacters || rendered.Subject.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new FuzzInvariantException("renderer: the subject is not one line of at most 200 characters");
        }

        if (rendered.Text.Split('\n').Any(line => Encoding.UTF8.GetByteCount(line) > 998))
        {
            throw new FuzzInvariantException("renderer: a text line is longer than 998 octets");
        }

        if (rendered.Html.Contains("<script", StringComparison.OrdinalIgnoreCase))
        {
            throw new FuzzInvariantException("renderer: the HTML holds a script element");
        }

        if (rendered.HtmlUtf8.Length >= AlertRenderer.MaxHtmlBytes)
        {
            throw new FuzzInvariantException("renderer: the HTML part would be clipped by Gmail");
        }
    }

    /// <summary>The contract reader must never throw, and a request it accepts must round-trip unchanged.</summary>
    public static void Reader(byte[] input)
    {
        var result = AlertRequestReader.Read(input);
        if (result.IsValid == result.Problems.Count > 0)
        {
            throw new FuzzInvariantException("reader: a result must be either valid or explained by problems");
        }

        if (!result.IsValid)
        {
            return;
        }

        var written = AlertJson.Serialize(result.Request!);
        var again = AlertRequestReader.Read(written);
        if (!again.IsValid || !written.AsSpan().SequenceEqual(AlertJson.Serialize(again.Request!)))
        {
            throw new FuzzInvariantException("reader: an accepted request does not round-trip");
        }
    }
}
