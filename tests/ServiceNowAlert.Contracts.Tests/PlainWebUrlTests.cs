using CsCheck;
using ServiceNowAlert.Contracts.Validation;

namespace ServiceNowAlert.Contracts.Tests;

/// <summary>The URL short-cut only says yes where the full check (pattern + System.Uri) says yes.</summary>
public sealed class PlainWebUrlTests
{
    // Pieces on both sides of each rule: case, IDN, IPv4 shapes, label and host lengths, hyphens, ports, escapes,
    // characters System.Uri rewrites (backslash) or refuses, white space, and a second '#'.
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string UrlCharacters = Lower + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + Digits + "-._~!$&'()*+,;=:@/?";

    private static readonly Gen<string> Scheme = Gen.Frequency(
        (6, Gen.OneOf("https://", "http://")),
        (1, Gen.OneOf("HTTPS://", "Http://", "ftp://", "https:/", "https:///", "")));

    private static readonly Gen<string> Label = Gen.Frequency(
        (4, Gen.Select(Gen.Char[Lower], Gen.Char[Lower + Digits + "-"].Array[0, 6], Gen.Char[Lower + Digits]).Select((first, middle, last) => first + new string(middle) + last)),
        (2, Gen.Char[Lower + Digits + "-"].Array[0, 8].Select(chars => new string(chars))),
        (1, Gen.OneOf("a", "1", "-a", "a-", "xn--bcher-kva", "Ab", "ü", "_x", new string('a', 63), new string('b', 64), "999", "0x1f", "")));

    private static readonly Gen<string> Host = Gen.Frequency(
        (6, Label.Array[1, 5].Select(labels => string.Join('.', labels))),
        (1, Gen.OneOf("1.2.3.4", "1.2.3", "256.1.1.1", "[::1]", "localhost", "user@example.com", "example.com.", ".example.com", string.Join('.', Enumerable.Repeat(new string('c', 63), 4)), "exa mple.com")));

    private static readonly Gen<string> Port = Gen.Frequency(
        (4, Gen.Const(string.Empty)),
        (2, Gen.Int[0, 70000].Select(port => ":" + port)),
        (1, Gen.OneOf(":", ":00080", ":000080", ":-1", ":8a", ":65535", ":65536")));

    private static readonly Gen<string> RestChar = Gen.Frequency(
        (30, Gen.Char[UrlCharacters].Select(c => c.ToString())),
        (1, Gen.OneOf("#", "%20", "%2", "%zz", "%", "\\", " ", "\t", "[", "]", "{", "|", "^", "`", "\"", "<", ">", "é", "\u2028", "\0")));

    private static readonly Gen<string> Rest = Gen.OneOf(
        Gen.Const(string.Empty),
        Gen.Select(Gen.OneOf("/", "?", "#", "", ";"), RestChar.Array[0, 12]).Select((start, chars) => start + string.Concat(chars)));

    private static readonly Gen<string> Url = Gen.Select(Scheme, Host, Port, Rest).Select((scheme, host, port, rest) => scheme + host + port + rest);

    [Fact]
    public void EveryUrlTheShortCutAccepts_TheFullCheckAcceptsToo()
    {
        var (total, accepted) = (0, 0);
        Url.Sample(url =>
        {
            Interlocked.Increment(ref total);
            if (PlainWebUrl.Matches(url))
            {
                Interlocked.Increment(ref accepted);
                Assert.True(AlertRequestRules.IsWebUrlByUri(url), $"the short-cut accepts '{url}', the full check does not");
            }
        }, iter: 50_000);

        // The generator must reach both sides, or the property says nothing.
        Assert.InRange(accepted, total / 20, total - (total / 20));
    }

    [Fact]
    public void TheShortCutAcceptsTheUrlsAlertsCarry()
    {
        Assert.True(PlainWebUrl.Matches("https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/ServerCpuTooHigh"));
        Assert.True(PlainWebUrl.Matches("https://wiki.example.com/runbooks/orders-api-5xx"));
        Assert.True(PlainWebUrl.Matches("http://grafana.internal:3000/d/abc?orgId=1&from=now-1h"));
        Assert.True(PlainWebUrl.Matches("https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/A%20B%2Fc"));
    }

    [Theory]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("https://example.com/a b", false)]
    [InlineData("HTTPS://EXAMPLE.COM/", true)]
    [InlineData("https://bücher.example/", true)]
    [InlineData("https://example.com:99999/", false)]
    [InlineData("https:///path", false)]
    [InlineData("ftp://example.com/", false)]
    public void IsWebUrl_GivesTheFullChecksAnswerWhereTheShortCutDeclines(string url, bool expected)
    {
        Assert.False(PlainWebUrl.Matches(url));
        Assert.Equal(expected, AlertRequestRules.IsWebUrl(url));
        Assert.Equal(AlertRequestRules.IsWebUrlByUri(url), AlertRequestRules.IsWebUrl(url));
    }
}
