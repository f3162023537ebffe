using System.Text.Json;

namespace ServiceNowAlert.Hosting.Tests;

public sealed class JsonLambdaLogTests
{
    [Theory]
    [InlineData("DEBUG", LambdaLogLevel.Debug)]
    [InlineData("warn", LambdaLogLevel.Warn)]
    [InlineData(null, LambdaLogLevel.Info)]
    [InlineData("nonsense", LambdaLogLevel.Info)]
    public void ParseLevel_ReadsAwsLambdaLogLevel(string? text, LambdaLogLevel expected)
    {
        Assert.Equal(expected, JsonLambdaLog.ParseLevel(text));
    }

    [Fact]
    public void Write_BelowTheConfiguredLevel_WritesNothing()
    {
        var output = new StringWriter();
        var log = new JsonLambdaLog(output, TimeProvider.System, LambdaLogLevel.Warn);

        log.Info("chatty");
        log.Warn("worth a look");

        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("worth a look", JsonDocument.Parse(line).RootElement.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("password")]
    [InlineData("smtpPassword")]
    [InlineData("Authorization")]
    [InlineData("x-amz-security-token")]
    [InlineData("credentialsParameter")]
    public void Write_FieldWithASecretLookingName_IsRedacted(string name)
    {
        var output = new StringWriter();

        new JsonLambdaLog(output, TimeProvider.System, LambdaLogLevel.Info).Info("m", LambdaLogExtensions.Field(name, "value-that-must-not-leak"));

        Assert.DoesNotContain("value-that-must-not-leak", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FieldNamedLikeAReservedKey_DoesNotOverwriteIt()
    {
        var output = new StringWriter();

        new JsonLambdaLog(output, TimeProvider.System, LambdaLogLevel.Info).Info("real", LambdaLogExtensions.Field("message", "fake"));

        var line = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("real", line.GetProperty("message").GetString());
        Assert.Equal("fake", line.GetProperty("field.message").GetString());
    }
}
