using ServiceNowAlert.Contracts;

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
    };

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
