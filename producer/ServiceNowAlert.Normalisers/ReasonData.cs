using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ServiceNowAlert.Normalisers;

/// <summary>
/// The members of an alarm's <c>reasonData</c> (a JSON document inside a JSON string) that an alert shows, read in one
/// pass without building a document. Same answers as reading it with <see cref="JsonDocument"/> and <see cref="Json.Str(JsonElement, ReadOnlySpan{byte})"/>:
/// a repeated member counts its last value, numbers keep their text, and a document that is not valid JSON is refused
/// as a whole.
/// </summary>
internal readonly record struct ReasonData(string? Threshold, string? Statistic, string? RecentDatapoints, string? StartDate)
{
    public static bool TryRead(string text, out ReasonData read)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var buffer = length <= 1024 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            return TryRead(buffer[..Encoding.UTF8.GetBytes(text, buffer)], out read);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The same, from the string's unescaped UTF-8, as the event reader has it: no string in between.</summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8, out ReasonData read)
    {
        try
        {
            return ReadDocument(utf8, out read);
        }
        catch (JsonException)
        {
            read = default;
            return false;
        }
    }

    private static bool ReadDocument(ReadOnlySpan<byte> utf8, out ReasonData read)
    {
        read = default;
        var reader = new JsonCursor(utf8);
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return End(ref reader);
        }

        string? threshold = null, statistic = null, datapoints = null, startDate = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueTextEquals("threshold"u8) ? 1 : reader.ValueTextEquals("statistic"u8) ? 2 : reader.ValueTextEquals("recentDatapoints"u8) ? 3 : reader.ValueTextEquals("startDate"u8) ? 4 : 0;
            reader.Read();
            switch (name)
            {
                case 1:
                    threshold = JsonScalar.Read(ref reader);
                    break;
                case 2:
                    statistic = JsonScalar.Read(ref reader);
                    break;
                case 3:
                    datapoints = Raw(ref reader, utf8);
                    break;
                case 4:
                    startDate = JsonScalar.Read(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        read = new ReasonData(threshold, statistic, datapoints, startDate);
        return End(ref reader);
    }

    // The entries of an array, each as its JSON text, joined by ", "; null when the value is not an array.
    private static string? Raw(ref JsonCursor reader, ReadOnlySpan<byte> utf8)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        // Most alarms evaluate one datapoint: its text is then the whole answer, with no builder in between.
        Range? first = null;
        StringBuilder? joined = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            var entry = start..(int)reader.BytesConsumed;
            if (first is not { } earlier)
            {
                first = entry;
                continue;
            }

            joined ??= new StringBuilder().Append(Encoding.UTF8.GetString(utf8[earlier]));
            joined.Append(", ").Append(Encoding.UTF8.GetString(utf8[entry]));
        }

        return joined?.ToString() ?? (first is { } only ? Encoding.UTF8.GetString(utf8[only]) : string.Empty);
    }

    private static bool End(ref JsonCursor reader) => !reader.Read();
}
