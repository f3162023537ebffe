using System.Text.Json;
using MimeKit;
using ServiceNowAlert.Alerting.Mail;
using ServiceNowAlert.Alerting.Rendering;
using ServiceNowAlert.Alerting.Smtp;
using ServiceNowAlert.Alerting.Tests.TestHelpers;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Testing;

namespace ServiceNowAlert.Alerting.Tests;

/// <summary>
/// Every alert email, as the outbox writes it and as it goes to a relay without 8BITMIME, reads without a single defect
/// in Python's email package (policy.strict), an implementation independent of MimeKit, with the shape an alert needs
/// and the subject and bodies that were rendered.
/// </summary>
public sealed class MimeWireFormatTests : IDisposable
{
    private static readonly AlertRenderer Renderer = new(AlertTemplates.Load());

    private readonly string _folder = Directory.CreateTempSubdirectory("snalert-eml-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Eml_OfEverySampleHostileAndGeneratedAlert_ReadsWithoutDefects()
    {
        var requests = Alerts.Corpus(generated: 100);
        requests.Add(("encoded-word-lookalike", Alerts.Minimal() with { Title = "UNI=?(P8 x?=y =?utf-8?q?hidden?= " + new string('€', 60), CorrelationKey = "orders =?utf-8?q?hidden?= €" }));
        requests.Add(("non-ascii", Alerts.Minimal() with { Title = "Zürich – 東京 ✓ 🚨 " + new string('é', 150), Description = "Größe\nline two\r\nthree" }));

        var expected = new Dictionary<string, (RenderedAlert Rendered, string CorrelationKey)>(StringComparer.Ordinal);
        foreach (var (name, request) in requests)
        {
            var rendered = Renderer.Render(request);
            var route = Alerts.Routes().Select(request) ?? Alerts.Routes().Select(request with { Route = null })!;
            expected[Write(name + ".outbox", AlertMessageBuilder.Build(request, route, rendered, DateTimeOffset.UnixEpoch), sevenBit: false)] = (rendered, HeaderText.Literal(request.CorrelationKey));
            expected[Write(name + ".7bit", AlertMessageBuilder.Build(request, route, rendered, DateTimeOffset.UnixEpoch), sevenBit: true)] = (rendered, HeaderText.Literal(request.CorrelationKey));
        }

        var verdicts = await CheckAsync(expected.Keys);

        Assert.Equal(expected.Count, verdicts.Count);
        foreach (var verdict in verdicts)
        {
            var name = Path.GetFileName(verdict.File);
            Assert.True(verdict.Ok, $"{name}: {string.Join("; ", verdict.Problems)}");
            var (rendered, correlationKey) = expected[verdict.File];
            Assert.True(rendered.Subject == verdict.Subject, $"{name}: subject rendered [{rendered.Subject}], read back [{verdict.Subject}]");
            Assert.True(correlationKey == verdict.CorrelationKey, $"{name}: correlation key written [{correlationKey}], read back [{verdict.CorrelationKey}]");
            Assert.Equal(rendered.Text, verdict.Text.Replace("\r\n", "\n", StringComparison.Ordinal));
            Assert.Equal(rendered.Html.Replace("\r\n", "\n", StringComparison.Ordinal), verdict.Html.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Checker_ReportsAMessageWithABareLineFeedAndNoAlternative()
    {
        var path = Path.Combine(_folder, "broken.eml");
        await File.WriteAllTextAsync(path, "From: a@example.com\nTo: b@example.com\nSubject: x\nContent-Type: text/plain\n\nbody\n");

        var verdict = Assert.Single(await CheckAsync([path]));

        Assert.False(verdict.Ok);
        Assert.Contains(verdict.Problems, problem => problem.Contains("bare CR or LF", StringComparison.Ordinal));
        Assert.Contains(verdict.Problems, problem => problem.Contains("not multipart/alternative", StringComparison.Ordinal));
    }

    private string Write(string name, MimeMessage message, bool sevenBit)
    {
        var path = Path.Combine(_folder, name + ".eml");
        using var file = File.Create(path);
        if (sevenBit)
        {
            // What MailKit sends to a relay without 8BITMIME: transfer encodings that fit in 7 bits, CRLF line ends.
            message.Prepare(EncodingConstraint.SevenBit);
            message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, file);
        }
        else
        {
            FileOutboxTransport.WriteEml(message, file);
        }

        return path;
    }

    private static async Task<IReadOnlyList<Verdict>> CheckAsync(IEnumerable<string> files)
    {
        var output = await HarnessProcess.RunAsync("python3", "mime-harness", "check_eml.py", files, TimeSpan.FromSeconds(120));
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Verdict.Parse)];
    }

    private sealed record Verdict(string File, bool Ok, IReadOnlyList<string> Problems, string Subject, string CorrelationKey, string Text, string Html)
    {
        public static Verdict Parse(string line)
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            string Text(string name) => root.TryGetProperty(name, out var value) ? value.GetString()! : string.Empty;
            return new Verdict(Text("file"), root.GetProperty("ok").GetBoolean(), [.. root.GetProperty("problems").EnumerateArray().Select(problem => problem.GetString()!)], Text("subject"), Text("correlationKey"), Text("text"), Text("html"));
        }
    }
}
