using MimeKit;
using ServiceNowAlert.Cli.Tests.TestHelpers;
using ServiceNowAlert.Testing;
using ServiceNowAlert.Testing.Smtp;

namespace ServiceNowAlert.Cli.Tests;

public sealed class SendCommandTests
{
    private readonly string _work = Directory.CreateTempSubdirectory("snalert-cli-").FullName;

    [Fact]
    public async Task Send_AlarmSample_WritesAnEmlWithBothPartsAndAnHtmlFileToTheOutbox()
    {
        var run = await CliRun.StartAsync(["send", RepositoryPaths.Combine("samples", "events", "cloudwatch-alarm-single-metric.json")], _work);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^sent\s+major\s+\[FIRING\] MAJOR: ServerCpuTooHigh is in ALARM", run.StandardOutput);
        var eml = Assert.Single(Directory.GetFiles(Path.Combine(_work, "outbox"), "*.eml"));
        var message = await MimeMessage.LoadAsync(eml);
        Assert.Contains("severity:2", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("ServerCpuTooHigh", message.HtmlBody, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.ChangeExtension(eml, ".html")));
    }

    [Fact]
    public async Task Send_WithSmtp_DeliversThroughTheRealServerOverStartTls()
    {
        await using var server = await SmtpTestServer.StartAsync();

        var run = await CliRun.StartAsync(
            ["send", RepositoryPaths.Combine("samples", "events", "cloudwatch-logs-subscription.json"), "--smtp", $"127.0.0.1:{server.Port}", "--user", server.User, "--password-env", "TEST_SMTP_PASSWORD", "--ca-file", server.CaFile],
            _work,
            new Dictionary<string, string> { ["TEST_SMTP_PASSWORD"] = server.Password });

        Assert.True(run.ExitCode == 0, run.StandardError);
        var received = Assert.Single(await server.MessagesAsync());
        Assert.True(received.Secure);
        Assert.Contains("2 log events matched testFilter", received.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_SmtpUnreachable_IsOneClearLineAndExitOne()
    {
        var port = Testing.Http.LoopbackHttpServer.FreePort();

        var run = await CliRun.StartAsync(["send", RepositoryPaths.Combine("samples", "events", "cloudwatch-alarm-single-metric.json"), "--smtp", $"127.0.0.1:{port}", "--tls", "none"], _work);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("snalert: send alert", run.StandardError, StringComparison.Ordinal);
        Assert.Single(run.StandardError.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("no-such-file.json", "no such file")]
    [InlineData("samples/requests/invalid-reader-only/malformedJson-truncated.json", "normalise trigger: not JSON")]
    public async Task Send_BadInput_IsOneLineOnStandardErrorAndExitOne(string file, string expected)
    {
        var run = await CliRun.StartAsync(["send", Path.IsPathRooted(file) ? file : RepositoryPaths.Combine(file)], _work);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_UnknownEventShape_SaysWhatWasExpected()
    {
        var file = Path.Combine(_work, "odd.json");
        await File.WriteAllTextAsync(file, "{\"hello\":\"world\"}");

        var run = await CliRun.StartAsync(["send", file], _work);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("expected an EventBridge event", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_RequestNamingARouteThatIsNotConfigured_IsRejectedWithExitOne()
    {
        var run = await CliRun.StartAsync(["send", RepositoryPaths.Combine("samples", "requests", "valid", "firing-critical-full.json")], _work);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("rejected", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("known routes: local", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WithTheRoutesFile_UsesItsRecipients()
    {
        var run = await CliRun.StartAsync(["send", RepositoryPaths.Combine("samples", "requests", "valid", "firing-critical-full.json"), "--routes", RepositoryPaths.Combine("samples", "routes", "routes.json")], _work);

        Assert.Equal(0, run.ExitCode);
        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(Path.Combine(_work, "outbox"), "*.eml")));
        Assert.Equal("orders-oncall@example.com", message.To.Mailboxes.Single().Address);
    }

    [Theory]
    [InlineData("subject", "[FIRING] MAJOR: ServerCpuTooHigh is in ALARM")]
    [InlineData("text", "message_key:arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh")]
    [InlineData("html", "<!DOCTYPE html>")]
    [InlineData("eml", "Content-Type: multipart/alternative")]
    public async Task Render_EachPart_PrintsIt(string part, string expected)
    {
        var run = await CliRun.StartAsync(["render", RepositoryPaths.Combine("samples", "events", "cloudwatch-alarm-single-metric.json"), "--part", part], _work);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expected, run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_Verbose_AddsTheStackTraceToTheError()
    {
        var run = await CliRun.StartAsync(["send", "--verbose", RepositoryPaths.Combine("samples", "events", "cloudwatch-alarm-single-metric.json"), "--smtp", "not-a-port"], _work);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("snalert: --smtp not-a-port: expected host:port", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("   at ", run.StandardError, StringComparison.Ordinal);
    }
}
