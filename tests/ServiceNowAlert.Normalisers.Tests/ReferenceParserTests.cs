using System.Globalization;
using System.Text.Json;
using CsCheck;

namespace ServiceNowAlert.Normalisers.Tests;

/// <summary>The hand-written fast readers give exactly what the general parsers they stand in for give.</summary>
public sealed class ReferenceParserTests
{
    private static readonly Gen<string> Digits2 = Gen.Int[0, 99].Select(Two);

    private static readonly Gen<string> Timestamps = Gen.Select(
        Gen.OneOf(Gen.Int[0, 9999].Select(year => year.ToString("0000", CultureInfo.InvariantCulture)), Gen.Const("20x9")),
        Gen.Select(Gen.Int[0, 13].Select(Two), Gen.Int[0, 32].Select(Two), Gen.Int[0, 24].Select(Two), Digits2, Gen.Int[0, 61].Select(Two)),
        Gen.OneOf(Gen.Const(string.Empty), Gen.Int[0, 9].Array[1, 9].Select(digits => "." + string.Concat(digits))),
        Gen.OneOf("Z", "+0000", "+00:00", "-0530", "+05:45", "+1400", "-1401", "+14:30", "+2500", "z", "", " ", "+000", "+00:0", "\n", "+0000\n", "GMT"),
        Gen.Frequency((6, Gen.Const("-")), (1, Gen.OneOf("/", "T", " ", ":"))),
        (year, clock, fraction, offset, separator) =>
            $"{year}-{clock.Item1}{separator}{clock.Item2}T{clock.Item3}:{clock.Item4}:{clock.Item5}{fraction}{offset}");

    private static string Two(int value) => value.ToString("00", CultureInfo.InvariantCulture);

    [Fact]
    public void IsoTimestamp_WhenItAnswers_AgreesWithTheGeneralParser()
    {
        var accepted = 0;
        Timestamps.Sample(text =>
        {
            var general = DateTimeOffset.TryParse(Json.WithColonInOffset(text), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expected);
            if (IsoTimestamp.TryParse(text, out var fast))
            {
                accepted++;
                Assert.True(general, $"the fast reader accepted '{text}', the general parser did not");
                Assert.Equal(expected.UtcTicks, fast.UtcTicks);
                Assert.Equal(TimeSpan.Zero, fast.Offset);
            }
        }, iter: 50_000, threads: 1);
        Assert.True(accepted > 200, $"only {accepted} generated timestamps were in the fast reader's shape");
    }

    [Theory]
    [InlineData("2019-10-02T17:04:40.989+0000", "2019-10-02T17:04:40.9890000+00:00")]
    [InlineData("2026-11-25T03:00:00Z", "2026-11-25T03:00:00.0000000+00:00")]
    [InlineData("2026-11-25T05:30:00.1234567+05:30", "2026-11-25T00:00:00.1234567+00:00")]
    public void IsoTimestamp_AwsShapes_AreRead(string text, string expected)
    {
        Assert.True(IsoTimestamp.TryParse(text, out var parsed));
        Assert.Equal(expected, parsed.ToString("o", CultureInfo.InvariantCulture));
    }

    private static readonly Gen<string> Members = Gen.OneOf(
        Gen.OneOf("\"threshold\":50.0", "\"threshold\":\"5\"", "\"threshold\":true", "\"threshold\":null", "\"threshold\":{\"a\":1}", "\"thr\\u0065shold\":7"),
        Gen.OneOf("\"statistic\":\"Average\"", "\"statistic\":\"\\ud800\"", "\"statistic\":[1]", "\"statistic\":-1.5e3"),
        Gen.OneOf("\"recentDatapoints\":[99.5, 1e-3]", "\"recentDatapoints\":[]", "\"recentDatapoints\":[ {\"x\" : [1, 2]} , \"s\" ,null,true]", "\"recentDatapoints\":5"),
        Gen.OneOf("\"startDate\":\"2019-10-02T16:59:00.000+0000\"", "\"startDate\":1", "\"version\":\"1.0\"", "\"period\":300", "\"queryDate\":\"x\""));

    private static readonly Gen<string> ReasonDocuments = Gen.OneOf(
        Members.Array[0, 8].Select(members => "{" + string.Join(",", members) + "}"),
        Members.Array[0, 4].Select(members => " { " + string.Join(" , ", members) + " } "),
        Gen.OneOf("", " ", "[]", "5", "\"text\"", "null", "{", "{}x", "{} {}", "{\"a\":1,}", "{'a':1}", "{\"threshold\":01}", "not json", "{\"threshold\":50.0}\n"));

    [Fact]
    public void ReasonData_ReadsWhatAJsonDocumentWouldGive()
    {
        ReasonDocuments.Sample(text =>
        {
            var fast = ReasonData.TryRead(text, out var read);
            ReasonData expected;
            bool valid;
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                var points = Json.At(root, "recentDatapoints"u8) is { ValueKind: JsonValueKind.Array } array ? string.Join(", ", array.EnumerateArray().Select(point => point.GetRawText())) : null;
                expected = new ReasonData(Json.Str(root, "threshold"u8), Json.Str(root, "statistic"u8), points, Json.Str(root, "startDate"u8));
                valid = true;
            }
            catch (JsonException)
            {
                expected = default;
                valid = false;
            }

            Assert.Equal(valid, fast);
            if (valid)
            {
                Assert.Equal(expected, read);
            }
        }, iter: 20_000);
    }
}
