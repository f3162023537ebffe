using System.Text.Json;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using ServiceNowAlert.Alerting.Credentials;
using ServiceNowAlert.Alerting.Pipeline;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Testing;
using ServiceNowAlert.Testing.Http;

namespace ServiceNowAlert.Alerting.Tests;

/// <summary>The SMTP login from SSM, with SSM faked at the HTTP boundary on loopback.</summary>
public sealed class SsmCredentialTests
{
    private const string Parameter = "/aws/reference/secretsmanager/servicenowalert/smtp";

    [Fact]
    public async Task Get_ReadsTheParameterDecryptedOnceAndCachesItForTheTtl()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        await using var ssm = new LoopbackHttpServer(_ => CannedResponse.Json(Answer("""{"username":"relay-user","password":"relay-pass-42"}""")) with { ContentType = "application/x-amz-json-1.1" });
        using var source = Source(ssm, time);

        var first = await source.GetAsync(default);
        time.Advance(TimeSpan.FromMinutes(4));
        await source.GetAsync(default);
        time.Advance(TimeSpan.FromMinutes(2));
        await source.GetAsync(default);

        Assert.Equal(("relay-user", "relay-pass-42"), (first!.Username, first.Password));
        Assert.Equal(2, ssm.Requests.Count);
        var call = ssm.Requests[0];
        Assert.Equal("AmazonSSM.GetParameter", call.Header("X-Amz-Target"));
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal(Parameter, body.RootElement.GetProperty("Name").GetString());
        Assert.True(body.RootElement.GetProperty("WithDecryption").GetBoolean());
        Assert.DoesNotContain("relay-pass-42", first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ValueThatIsNotTheExpectedJson_FailsStartUpWithoutShowingTheValue()
    {
        await using var ssm = new LoopbackHttpServer(_ => CannedResponse.Json(Answer("plain-secret-value")) with { ContentType = "application/x-amz-json-1.1" });
        using var source = Source(ssm, TimeProvider.System);

        var exception = await Assert.ThrowsAsync<AlertingConfigurationException>(() => source.GetAsync(default));

        Assert.Contains(Parameter, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("plain-secret-value", exception.ToString(), StringComparison.Ordinal);
    }

    // The SDK ends a call that outlives the client's Timeout with a TimeoutException: a dependency that is slow now,
    // which the invoker retries, not an unexpected error.
    [Fact]
    public async Task Get_SsmSlowerThanTheClientsTimeout_IsATransientDependencyFailure()
    {
        await using var ssm = new LoopbackHttpServer(_ => CannedResponse.Json(Answer("""{"username":"u","password":"p"}""")) with { ContentType = "application/x-amz-json-1.1", Delay = TimeSpan.FromSeconds(5) });
        using var source = Source(ssm, TimeProvider.System, TimeSpan.FromMilliseconds(200));

        var exception = await Assert.ThrowsAsync<TransientAlertingException>(() => source.GetAsync(default));

        Assert.Equal(AlertErrorTypes.TransientDependencyFailure, exception.ErrorType);
        Assert.IsType<TimeoutException>(exception.InnerException);
    }

    private static SsmSmtpCredentialSource Source(LoopbackHttpServer ssm, TimeProvider time, TimeSpan? timeout = null)
    {
        var config = new AmazonSimpleSystemsManagementConfig { ServiceURL = ssm.BaseUri.ToString(), AuthenticationRegion = "eu-west-1", MaxErrorRetry = 0 };
        if (timeout is { } limit)
        {
            config.Timeout = limit;
        }

        return new(new AmazonSimpleSystemsManagementClient(new BasicAWSCredentials("AKID", "SECRET"), config), Parameter, TimeSpan.FromMinutes(5), time);
    }

    private static string Answer(string value) =>
        JsonSerializer.Serialize(new { Parameter = new { Name = Parameter, Type = "SecureString", Value = value, Version = 1 } });
}
