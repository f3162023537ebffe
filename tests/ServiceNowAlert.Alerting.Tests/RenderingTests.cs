using System.Text;
using System.Text.Json;
using ServiceNowAlert.Alerting.Rendering;
using ServiceNowAlert.Alerting.Tests.TestHelpers;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Testing;

namespace ServiceNowAlert.Alerting.Tests;

public sealed class RenderingTests
{
    private static readonly AlertRenderer Renderer = new(AlertTemplates.Load());

    [Theory]
    [MemberData(nameof(Alerts.SampleNames), MemberType = typeof(Alerts))]
    public void Render_Sample_MatchesItsGoldenFiles(string sample)
    {
        var rendered = Renderer.Render(Alerts.Sample(sample));

        foreach (var (part, text) in new[] { ("subject.txt", rendered.Subject + "\n"), ("text.txt", rendered.Text), ("html.html", rendered.Html) })
        {
            var golden = RepositoryPaths.Combine("tests", "ServiceNowAlert.Alerting.Tests", "Golden", $"{sample}.{part}");
            if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            {
                File.WriteAllText(golden, text);
            }

            Assert.True(File.Exists(golden), $"golden file {golden} is missing; run the tests once with UPDATE_GOLDEN=1 and review it");
            Assert.Equal(File.ReadAllText(golden), text);
        }
    }

    [Fact]
    public void Render_HostileAlert_LeavesNothingLiveInTheHtml()
    {
        var request = Alerts.Hostile();

        var html = Renderer.Render(request).Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com/?q=&quot;&gt;&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("49", html, StringComparison.Ordinal);
        Assert.Contains("{{ 7 * 7 }}", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LinkWithABlankTitle_ShowsItsUrlAsTheText()
    {
        var request = Alerts.Minimal() with { Links = [new AlertLink("\u00a0 ", "https://console.example.com/alarm/1")] };

        var rendered = Renderer.Render(request);

        Assert.Contains(">https://console.example.com/alarm/1</a>", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("https://console.example.com/alarm/1", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TitleOfWhiteSpaceOnly_IsCalledNoTitleInTheSubjectTextAndHtml()
    {
        var rendered = Renderer.Render(Alerts.Minimal() with { Title = " \u00a0\t" });

        Assert.EndsWith(": (no title)", rendered.Subject, StringComparison.Ordinal);
        Assert.Contains("(no title)", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("<title>(no title)</title>", rendered.Html, StringComparison.Ordinal);
        Assert.Contains(">(no title)</h1>", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Html_HasNoExternalResourcesAndStaysSmall()
    {
        var html = Renderer.Render(Alerts.Sample("firing-critical-full")).Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("prefers-color-scheme: dark", html, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(html) <= AlertRenderer.MaxHtmlBytes);
    }

    [Fact]
    public void Render_LargestAllowedAlert_KeepsHtmlUnder100KiBAndLinesUnder998Octets()
    {
        var request = Alerts.Minimal() with
        {
            Description = new string('d', AlertLimits.MaxDescriptionLength),
            Details = new OrderedDictionary<string, string>(Enumerable.Range(0, 10).ToDictionary(i => $"k{i}", _ => new string('v', 2000))),
            LogExcerpt = [.. Enumerable.Repeat(new string('l', 1500), AlertLimits.MaxLogLines)],
        };

        var rendered = Renderer.Render(request);

        Assert.All(rendered.Text.Split('\n'), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 998, $"line of {Encoding.UTF8.GetByteCount(line)} octets"));
        Assert.True(rendered.Text.Length < 524_288);
        Assert.Contains("lines shown", rendered.Text, StringComparison.Ordinal);
    }

    public static TheoryData<string> LargeRequests() => ["largest-allowed", "long-plain-text"];

    [Theory]
    [MemberData(nameof(LargeRequests))]
    public void Render_LargeValidRequest_KeepsTheHtmlPartUnder100000BytesAndTheTextPartWhole(string name)
    {
        var request = name == "largest-allowed" ? Alerts.LargestAllowed() : Alerts.Minimal() with
        {
            Description = string.Join(' ', Enumerable.Repeat("The orders API failed.", 712)),
            Details = new OrderedDictionary<string, string>(Enumerable.Range(0, 40).ToDictionary(i => $"detail_{i}", i => string.Join(' ', Enumerable.Repeat($"value {i}", 300)))),
            LogExcerpt = [.. Enumerable.Range(0, AlertLimits.MaxLogLines).Select(i => $"2026-11-25T03:00:00Z ERROR line {i} " + new string('x', 1200))],
        };
        var json = Alerts.RelaxedJson(request);
        Assert.Empty(AlertRequestReader.Read(json).Problems);

        var rendered = Renderer.Render(request);

        Assert.True(rendered.HtmlUtf8.Length < 100_000, $"HTML part of {rendered.HtmlUtf8.Length} bytes from a request of {json.Length} bytes");
        Assert.Contains("the plain-text part of this email has them all in full", rendered.Html, StringComparison.Ordinal);
        var text = rendered.Text.Replace("\n", string.Empty, StringComparison.Ordinal);
        Assert.All([request.Description!, .. request.Details.Values, .. request.LogExcerpt], value => Assert.Contains(value, text, StringComparison.Ordinal));
    }

    [Fact]
    public void LargestAllowed_IsAsLargeAsTheContractAllows()
    {
        var json = Alerts.RelaxedJson(Alerts.LargestAllowed());

        Assert.InRange(json.Length, AlertLimits.MaxRequestBytes - 1024, AlertLimits.MaxRequestBytes);
    }

    [Theory]
    [InlineData("RE: disk full", "[ALERT] RE: disk full")]
    [InlineData("Fwd: disk full", "[ALERT] Fwd: disk full")]
    [InlineData("  two   spaces\nnew line ", "two spaces new line")]
    [InlineData("\u00a0disk\u00a0 full\u00a0", "disk full")]
    [InlineData("5\u2003GB\u00a0free", "5 GB free")]
    [InlineData("x =?utf-8?q?hidden?= y", "x = ?utf-8?q?hidden?= y")]
    public void Subject_IsOneLineAndNeverLooksLikeAReplyOrForward(string rendered, string expected)
    {
        Assert.Equal(expected, AlertRenderer.Subject(rendered));
    }

    [Fact]
    public void Subject_LongTitle_IsCutTo200Characters()
    {
        var subject = Renderer.Render(Alerts.Minimal() with { Title = new string('x', 256) }).Subject;

        Assert.Equal(200, subject.Length);
        Assert.EndsWith("…", subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Subject_Resolved_SaysResolved()
    {
        Assert.StartsWith("[RESOLVED]", Renderer.Render(Alerts.Minimal(status: AlertStatus.Resolved)).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_ServiceNowFields_AreUniqueAndCarryTheEventManagementValues()
    {
        var text = Renderer.Render(Alerts.Sample("firing-critical-full")).Text;
        var fields = text.Split("\n\n")[0].Split('\n').Select(line => (Name: line[..line.IndexOf(':', StringComparison.Ordinal)], Value: line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..])).ToList();

        Assert.Equal(fields.Count, fields.Select(field => field.Name).Distinct().Count());
        var byName = fields.ToDictionary(field => field.Name, field => field.Value);
        Assert.Equal("1", byName["severity"]);
        Assert.Equal("New", byName["resolution_state"]);
        Assert.Equal("orders-api/prod/http-5xx", byName["message_key"]);
        Assert.Equal("orders-api-prod", byName["node"]);
        Assert.Equal("HTTPCode_Target_5XX_Count", byName["metric_name"]);
        foreach (var name in new[] { "source", "type", "resource", "description", "alert_id", "account", "region" })
        {
            Assert.True(byName.ContainsKey(name), name);
        }

        using var info = JsonDocument.Parse(byName["additional_info"]);
        Assert.All(info.RootElement.EnumerateObject(), property => Assert.Equal(JsonValueKind.String, property.Value.ValueKind));
    }

    [Fact]
    public void Text_Resolved_IsClearAndClosing()
    {
        var text = Renderer.Render(Alerts.Sample("resolved-critical")).Text;

        Assert.Contains("\nseverity:0\n", text, StringComparison.Ordinal);
        Assert.Contains("\nresolution_state:Closing\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_AdditionalInfoWithHugeDetails_StaysValidJsonOnOneLine()
    {
        var request = Alerts.Minimal() with { Details = new OrderedDictionary<string, string>(Enumerable.Range(0, 64).ToDictionary(i => $"detail{i}", _ => new string('x', 300))) };

        var line = ServiceNowFields.Build(request).Single(field => field.Key == "additional_info").Value;

        using var info = JsonDocument.Parse(line);
        Assert.Equal("true", info.RootElement.GetProperty("truncated").GetString());
        Assert.True(Encoding.UTF8.GetByteCount("additional_info:" + line) <= 998);
    }

    [Fact]
    public void Text_DetailNamedLikeAFixedEntry_IsPrefixedSoNamesStayUnique()
    {
        var request = Alerts.Minimal() with { Details = new OrderedDictionary<string, string> { ["status"] = "custom" } };

        using var info = JsonDocument.Parse(ServiceNowFields.Build(request).Single(field => field.Key == "additional_info").Value);

        Assert.Equal("firing", info.RootElement.GetProperty("status").GetString());
        Assert.Equal("custom", info.RootElement.GetProperty("detail_status").GetString());
    }

    [Fact]
    public void Render_SameRequestTwice_GivesTheSameOutput()
    {
        var request = Alerts.Sample("firing-critical-full");

        Assert.Equal(Renderer.Render(request), Renderer.Render(request));
    }
}
