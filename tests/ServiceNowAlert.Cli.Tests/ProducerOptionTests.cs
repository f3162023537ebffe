using MimeKit;
using ServiceNowAlert.Cli.Tests.TestHelpers;
using ServiceNowAlert.Testing;

namespace ServiceNowAlert.Cli.Tests;

public sealed class ProducerOptionTests
{
    private readonly string _work = Directory.CreateTempSubdirectory("snalert-cli-").FullName;

    [Fact]
    public async Task Send_WithProducerAccountAndName_StampsThemAsTheInvokerWould()
    {
        var run = await CliRun.StartAsync(["send", RepositoryPaths.Combine("samples", "requests", "valid", "firing-major-minimal.json"), "--producer-account", "111111111111", "--producer-name", "Payments prod"], _work);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(" - Payments prod (111111111111)", run.StandardOutput, StringComparison.Ordinal);
        var eml = Path.Combine(_work, "outbox", "111111111111-sample-major-0001.eml");
        Assert.Contains(eml, run.StandardOutput, StringComparison.Ordinal);
        var message = await MimeMessage.LoadAsync(eml);
        Assert.Contains("producer_account:111111111111", message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--producer-account", "12345" }, "--producer-account must be a 12-digit AWS account id; got '12345'")]
    [InlineData(new[] { "--producer-name", "Payments" }, "--producer-name needs --producer-account")]
    [InlineData(new[] { "--producer-account", "111111111111", "--producer-name", "Pay\tments" }, "--producer-name: producer name must be a single line")]
    public async Task Send_BadProducerOption_FailsWithOneClearLine(string[] options, string expected)
    {
        var run = await CliRun.StartAsync(["send", RepositoryPaths.Combine("samples", "requests", "valid", "firing-major-minimal.json"), .. options], _work);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(expected, run.StandardError, StringComparison.Ordinal);
    }
}
