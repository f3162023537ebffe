using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Normalisers;

namespace ServiceNowAlert.Fuzz;

/// <summary>
/// The alarm's one-pass reader against the standard library, on any bytes: its tokenizer must give
/// <see cref="Utf8JsonReader"/>'s tokens for any document that reader accepts (and may refuse only bytes that are not
/// UTF-8), and the reader must route and normalise exactly as the <see cref="JsonDocument"/> path does.
/// </summary>
internal static class AlarmReaderTarget
{
    private static readonly NormaliserOptions Options = new() { Region = "eu-west-1" };

    public static void Run(byte[] input)
    {
        var (standard, standardOk) = StandardTokens(input);
        var (cursor, cursorOk) = CursorTokens(input);
        if (cursorOk && !standardOk)
        {
            throw new FuzzInvariantException("alarm reader: the cursor accepted a document Utf8JsonReader refuses");
        }

        if (standardOk && !cursorOk && Utf8.IsValid(input))
        {
            throw new FuzzInvariantException("alarm reader: the cursor refused a UTF-8 document Utf8JsonReader accepts");
        }

        if (cursorOk && !standard.SequenceEqual(cursor))
        {
            throw new FuzzInvariantException("alarm reader: the cursor's tokens differ from Utf8JsonReader's");
        }

        var fast = AlarmEvent.TryRead(input, out var alarm);
        bool routed;
        AlarmEvent? reference;
        try
        {
            routed = RoutesAsAlarm(input, out reference);
        }
        catch (InvalidOperationException)
        {
            // A member name the document cannot read (invalid UTF-8, an unpaired surrogate escape): the normaliser
            // answers with a shape error from that path, so the one-pass reader must have declined.
            if (fast)
            {
                throw new FuzzInvariantException("alarm reader: the one-pass reader read an event the document path cannot");
            }

            return;
        }

        // Bytes that are not UTF-8 are left to the document path (the normaliser's answer is then that path's): the one
        // difference allowed.
        if (fast != routed && !(routed && !Utf8.IsValid(input)))
        {
            throw new FuzzInvariantException($"alarm reader: the one-pass reader says alarm={fast}, the document path alarm={routed}");
        }

        if (fast && Describe(AlarmNormaliser.Normalise(alarm!, Options)) != Describe(AlarmNormaliser.Normalise(reference!, Options)))
        {
            throw new FuzzInvariantException("alarm reader: the one-pass reader's alert differs from the document path's");
        }
    }

    private static bool RoutesAsAlarm(byte[] input, out AlarmEvent? alarm)
    {
        alarm = null;
        try
        {
            using var document = JsonDocument.Parse(input, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Json.At(root, "awslogs"u8) is not null || Json.At(root, "detail"u8) is null ||
                Json.Str(root, "detail-type"u8) != AlarmNormaliser.DetailType || Json.Str(root, "source"u8) != AlarmNormaliser.Source)
            {
                return false;
            }

            alarm = AlarmEvent.From(root);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Describe(NormaliseResult result) =>
        $"{result.Error}|{string.Join(";", result.Notes)}|{string.Join(";", result.Alerts.Select(alert => Encoding.UTF8.GetString(AlertJson.Serialize(alert))))}";

    private static (List<string> Tokens, bool Ok) StandardTokens(byte[] input)
    {
        var tokens = new List<string>();
        try
        {
            var reader = new Utf8JsonReader(input, new JsonReaderOptions { MaxDepth = 64 });
            while (reader.Read())
            {
                string text;
                try
                {
                    text = reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);
                }
                catch (InvalidOperationException)
                {
                    text = "(no text)";
                }

                tokens.Add($"{reader.TokenType}@{reader.TokenStartIndex}-{reader.BytesConsumed} {text}");
            }

            return (tokens, true);
        }
        catch (JsonException)
        {
            return (tokens, false);
        }
    }

    private static (List<string> Tokens, bool Ok) CursorTokens(byte[] input)
    {
        var tokens = new List<string>();
        try
        {
            var cursor = new JsonCursor(input);
            while (cursor.Read())
            {
                string text;
                try
                {
                    text = cursor.TokenType is JsonTokenType.String or JsonTokenType.PropertyName ? cursor.GetString() : Encoding.UTF8.GetString(cursor.ValueSpan);
                }
                catch (InvalidOperationException)
                {
                    text = "(no text)";
                }

                tokens.Add($"{cursor.TokenType}@{cursor.TokenStartIndex}-{cursor.BytesConsumed} {text}");
            }

            return (tokens, true);
        }
        catch (JsonException)
        {
            return (tokens, false);
        }
    }
}
