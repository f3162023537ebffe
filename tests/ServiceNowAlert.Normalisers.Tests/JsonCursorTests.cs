using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using CsCheck;

namespace ServiceNowAlert.Normalisers.Tests;

/// <summary>
/// The alarm reader's tokenizer gives the standard reader's tokens (type, position, text) for every document that
/// reader accepts, and refuses every document it refuses; beyond that it refuses only bytes that are not UTF-8.
/// </summary>
public sealed class JsonCursorTests
{
    private static readonly string[] Pieces =
    [
        "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u00e9", "\\u0041", "\\ud83d\\ude00", "\\ud800", "\\udc00x",
        "\\u12", "\\x", "é", "😀", "plain", " ", "\t", "\u0001", "\"", ":", ",",
    ];

    private static readonly byte[] Interesting = "\"\\,:{}[] 0-+.eEu\t\n\r/tfn"u8.ToArray().Concat(new byte[] { 0x01, 0x7F, 0xC3, 0xFF, 0xE2 }).ToArray();

    [Fact]
    public void Read_GeneratedDocuments_GivesTheStandardReadersTokens()
    {
        var accepted = 0;
        Documents.Sample(text =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var (standard, ok) = StandardTrace(bytes);
            var (cursor, cursorOk) = CursorTrace(bytes);
            Assert.Equal(ok, cursorOk);
            if (ok)
            {
                accepted++;
                Assert.Equal(standard, cursor);
            }
        }, iter: 20_000, threads: 1);
        Assert.True(accepted > 5_000, $"only {accepted} generated documents were JSON");
    }

    [Fact]
    public void Read_MutatedDocuments_AcceptsOnlyWhatTheStandardReaderAccepts()
    {
        var (cursorAccepted, bothRefused) = (0, 0);
        Gen.Select(Documents, Gen.Select(Gen.Int[0, 3], Gen.Int[0, 10_000], Gen.Int[0, Interesting.Length - 1]).Array[1, 3]).Sample((text, mutations) =>
        {
            var bytes = Mutate(Encoding.UTF8.GetBytes(text), mutations);
            var (standard, ok) = StandardTrace(bytes);
            var (cursor, cursorOk) = CursorTrace(bytes);
            if (cursorOk)
            {
                cursorAccepted++;
                Assert.True(ok, "the cursor accepted a document the standard reader refuses");
                Assert.Equal(standard, cursor);
            }
            else if (ok)
            {
                Assert.False(Utf8.IsValid(bytes), "the cursor refused a UTF-8 document the standard reader accepts");
            }
            else
            {
                bothRefused++;
            }
        }, iter: 30_000, threads: 1);
        Assert.True(cursorAccepted > 3_000 && bothRefused > 3_000, $"{cursorAccepted} accepted, {bothRefused} refused by both");
    }

    [Fact]
    public void Read_AlarmEvents_GivesTheStandardReadersTokens()
    {
        var sample = Events.Sample("cloudwatch-alarm-single-metric.json");
        foreach (var bytes in AlarmEventTests.Bases().SelectMany(alarm => new[] { Events.Bytes(alarm), Encoding.UTF8.GetBytes(alarm.ToJsonString(new JsonSerializerOptions { WriteIndented = true })) }).Append(sample))
        {
            var (standard, ok) = StandardTrace(bytes);
            Assert.True(ok);
            Assert.Equal(standard, CursorTrace(bytes).Trace);
        }
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void Read_NestingToTheLimit_AcceptsAsTheStandardReaderDoes(int depth, bool accepted)
    {
        var bytes = Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
        Assert.Equal(accepted, StandardTrace(bytes).Ok);
        Assert.Equal(accepted, CursorTrace(bytes).Ok);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\uFEFF{}")]
    [InlineData("{} {}")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("01")]
    [InlineData("-")]
    [InlineData("1.")]
    [InlineData("1e")]
    [InlineData("tru")]
    [InlineData("nul")]
    [InlineData("\"a")]
    [InlineData("\"\\u12\"")]
    [InlineData("// comment\n{}")]
    [InlineData("{'a':1}")]
    public void Read_NotJson_IsRefusedAsTheStandardReaderRefusesIt(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.False(StandardTrace(bytes).Ok);
        Assert.False(CursorTrace(bytes).Ok);
    }

    [Fact]
    public void Read_InvalidUtf8InAString_IsRefused()
    {
        byte[] bytes = [(byte)'[', (byte)'"', 0xC3, (byte)'"', (byte)']'];
        Assert.False(CursorTrace(bytes).Ok);
    }

    // The string scan takes sixteen bytes at a time: every kind of byte that matters, at every place around those
    // steps, in strings short and long, near the end of the document and far from it.
    [Fact]
    public void Read_SpecialBytesAtEveryOffset_AreJudgedAsTheStandardReaderJudgesThem()
    {
        byte[][] specials = ["\\\""u8.ToArray(), "\\u00e9"u8.ToArray(), "\\ud800"u8.ToArray(), "\\ud83d\\ude00"u8.ToArray(), "\\uDBFF\\uDFFF"u8.ToArray(), "\\ud800\\u0041"u8.ToArray(), "\\udc00"u8.ToArray(), "\\u0000"u8.ToArray(), "é"u8.ToArray(), "😀"u8.ToArray(), [0xFF], [0xC3], [0x01], [0x1F], [0x7F], "\\x"u8.ToArray(), "\""u8.ToArray()];
        foreach (var special in specials)
        {
            for (var before = 0; before < 40; before++)
            {
                foreach (var after in (int[])[0, 1, 15, 16, 17, 40])
                {
                    foreach (var tail in (string[])["]", "," + new string(' ', 20) + "1]"])
                    {
                        byte[] bytes = [.. "[\""u8, .. Enumerable.Repeat((byte)'a', before), .. special, .. Enumerable.Repeat((byte)'b', after), .. "\""u8, .. Encoding.UTF8.GetBytes(tail)];
                        var (standard, ok) = StandardTrace(bytes);
                        var (cursor, cursorOk) = CursorTrace(bytes);
                        Assert.Equal(ok && Utf8.IsValid(bytes), cursorOk);
                        if (cursorOk)
                        {
                            Assert.Equal(standard, cursor);
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Skip_AtAMemberOrContainer_LandsWhereTheStandardReaderLands()
    {
        var bytes = """{"a":{"b":[1,{"c":"\"}"}],"d":null},"e":[[],[2]],"f":3}"""u8.ToArray();
        var standard = new Utf8JsonReader(bytes);
        var cursor = new JsonCursor(bytes);
        while (standard.Read())
        {
            Assert.True(cursor.Read());
            if (standard.TokenType is JsonTokenType.PropertyName or JsonTokenType.StartObject or JsonTokenType.StartArray && standard.TokenStartIndex > 0)
            {
                standard.Skip();
                cursor.Skip();
            }

            Assert.Equal((standard.TokenType, standard.BytesConsumed), (cursor.TokenType, cursor.BytesConsumed));
        }

        Assert.False(cursor.Read());
    }

    // A document from a seed: nesting, white space, escapes (valid, lone surrogate, malformed) and number forms mixed.
    private static readonly Gen<string> Documents = Gen.Int.Select(seed =>
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        Value(random, text, random.Next(20) == 0 ? 70 : 4);
        return text.ToString();
    });

    private static readonly string[] Numbers = ["0", "-0", "12", "-3.25", "1e5", "2E-7", "6.02e+23", "0.5", "10", "123456789012345678901234567890"];

    private static void Value(Random random, StringBuilder text, int depth)
    {
        var space = Space(random.Next(6));
        switch (random.Next(depth > 0 ? 8 : 5))
        {
            case 0: StringToken(random, text); break;
            case 1: text.Append(Numbers[random.Next(Numbers.Length)]); break;
            case 2: text.Append(random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" }); break;
            case 3 or 4: StringToken(random, text); break;
            case 5 or 6:
                text.Append('{').Append(space);
                for (int i = 0, count = random.Next(4); i < count; i++)
                {
                    text.Append(i == 0 ? "" : "," + space);
                    StringToken(random, text);
                    text.Append(space).Append(':').Append(space);
                    Value(random, text, depth - 1);
                }

                text.Append(space).Append('}');
                break;
            default:
                text.Append('[').Append(space);
                for (int i = 0, count = depth > 10 ? 1 : random.Next(4); i < count; i++)
                {
                    text.Append(i == 0 ? "" : space + "," + space);
                    Value(random, text, depth - 1);
                }

                text.Append(space).Append(']');
                break;
        }
    }

    private static void StringToken(Random random, StringBuilder text)
    {
        text.Append('"');
        for (int i = 0, count = random.Next(7); i < count; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        text.Append('"');
    }

    private static string Space(int kind) => kind switch { 0 => "", 1 => " ", 2 => "\n    ", 3 => "\r\n\t", 4 => "\n" + new string(' ', 15) + "\t" + new string(' ', 17), _ => "  " };

    private static byte[] Mutate(byte[] bytes, (int Kind, int At, int Byte)[] mutations)
    {
        var list = bytes.ToList();
        foreach (var (kind, at, value) in mutations)
        {
            var index = list.Count == 0 ? 0 : at % (list.Count + 1);
            switch (kind)
            {
                case 0 when index < list.Count: list.RemoveAt(index); break;
                case 1: list.Insert(index, Interesting[value]); break;
                case 2: list.RemoveRange(index, list.Count - index); break;
                default: if (index < list.Count) { list[index] = Interesting[value]; } break;
            }
        }

        return [.. list];
    }

    private static (List<string> Trace, bool Ok) StandardTrace(byte[] bytes)
    {
        var trace = new List<string>();
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
            while (reader.Read())
            {
                trace.Add(Token(reader.TokenType, reader.TokenStartIndex, reader.BytesConsumed, reader.ValueIsEscaped, Text(ref reader)));
            }

            return (trace, true);
        }
        catch (JsonException)
        {
            return (trace, false);
        }
    }

    private static (List<string> Trace, bool Ok) CursorTrace(byte[] bytes)
    {
        var trace = new List<string>();
        try
        {
            var cursor = new JsonCursor(bytes);
            while (cursor.Read())
            {
                trace.Add(Token(cursor.TokenType, cursor.TokenStartIndex, cursor.BytesConsumed, cursor.ValueIsEscaped, Text(ref cursor)));
            }

            return (trace, true);
        }
        catch (JsonException)
        {
            return (trace, false);
        }
    }

    private static string Token(JsonTokenType type, long start, long consumed, bool escaped, string text) => $"{type}@{start}-{consumed}{(escaped ? " esc" : "")} {text}";

    private static string Text(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }

        try
        {
            var buffer = new byte[reader.ValueSpan.Length];
            var copied = Convert.ToHexString(buffer, 0, reader.CopyString(buffer));
            var text = reader.GetString()!;
            return $"{text} {copied} {reader.ValueTextEquals(Encoding.UTF8.GetBytes(text))}";
        }
        catch (InvalidOperationException)
        {
            return "(no text)";
        }
    }

    private static string Text(ref JsonCursor cursor)
    {
        if (cursor.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            return Encoding.UTF8.GetString(cursor.ValueSpan);
        }

        try
        {
            var buffer = new byte[cursor.ValueSpan.Length];
            var copied = Convert.ToHexString(buffer, 0, cursor.CopyString(buffer));
            var text = cursor.GetString();
            return $"{text} {copied} {cursor.ValueTextEquals(Encoding.UTF8.GetBytes(text))}";
        }
        catch (InvalidOperationException)
        {
            return "(no text)";
        }
        catch (JsonException)
        {
            // Not the standard reader's answer for any token it accepted: a string the cursor let through was not JSON.
            return "(refused when its text was taken)";
        }
    }
}
