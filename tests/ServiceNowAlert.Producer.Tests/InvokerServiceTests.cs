using System.Text;
using Amazon.Runtime;
using Amazon.SecurityToken;
using ServiceNowAlert.AwsClients;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Invoker;
using ServiceNowAlert.Testing;
using ServiceNowAlert.Testing.Http;

namespace ServiceNowAlert.Producer.Tests;

/// <summary>The invoker's delivery rules against a fake Lambda Invoke API and a fake STS on loopback.</summary>
public sealed class InvokerServiceTests
{
    private static readonly byte[] Trigger = AlertJson.Serialize(Fakes.Alert("inv-1"));

    [Fact]
    public async Task Throttled_ThenAccepted_IsRetriedAndDelivered()
    {
        var calls = 0;
        await using var lambda = new LoopbackHttpServer(_ => Interlocked.Increment(ref calls) == 1
            ? new CannedResponse(429, """{"message":"Rate Exceeded."}""") { Headers = new Dictionary<string, string> { ["Retry-After"] = "0" } }
            : CannedResponse.Json(Fakes.Receipt("inv-1")));

        var response = await Service(lambda).HandleAsync(Trigger, Deadline(), default);

        Assert.Equal(AlertResultStatus.Sent, Assert.Single(response.Results).Status);
        Assert.Equal(2, lambda.Requests.Count);
    }

    [Theory]
    [InlineData("ServiceNowAlert.TransientDeliveryFailure", 4)]
    [InlineData("Sandbox.Timedout", 4)]
    [InlineData("InvalidOperationException", 1)]
    public async Task FunctionError_IsRetriedOnlyWhenARetryCanHelp(string errorType, int expectedCalls)
    {
        await using var lambda = new LoopbackHttpServer(_ => CannedResponse.Json($$"""{"errorType":"{{errorType}}","errorMessage":"boom"}""") with { Headers = new Dictionary<string, string> { ["X-Amz-Function-Error"] = "Unhandled" } });

        var exception = await Assert.ThrowsAsync<InvokerException>(() => Service(lambda).HandleAsync(Trigger, Deadline(), default));

        Assert.Equal(InvokerException.DeliveryFailed, exception.ErrorType);
        Assert.Equal(expectedCalls, lambda.Requests.Count);
    }

    [Fact]
    public async Task ServerErrorsAndMalformedAnswers_AreRetriedUpToTheAttemptLimit()
    {
        var calls = 0;
        await using var lambda = new LoopbackHttpServer(_ => Interlocked.Increment(ref calls) % 2 == 1 ? new CannedResponse(500, "{}") : CannedResponse.Json("<html>not json</html>"));

        await Assert.ThrowsAsync<InvokerException>(() => Service(lambda).HandleAsync(Trigger, Deadline(), default));

        Assert.Equal(4, lambda.Requests.Count);
    }

    [Fact]
    public async Task LambdaHangingPastTheDeadline_EndsAsAReportedFailureBeforeTheDeadline()
    {
        await using var lambda = new LoopbackHttpServer(_ => CannedResponse.Json(Fakes.Receipt("inv-1")) with { Delay = TimeSpan.FromSeconds(30) });
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(3);

        var exception = await Assert.ThrowsAsync<InvokerException>(() => Service(lambda).HandleAsync(Trigger, deadline, default));

        Assert.Equal(InvokerException.DeliveryFailed, exception.ErrorType);
        Assert.Contains("no answer before the invoker's deadline", exception.Message, StringComparison.Ordinal);
        Assert.True(TimeProvider.System.GetUtcNow() < deadline);
        Assert.Single(lambda.Requests);
    }

    [Theory]
    [InlineData("Runtime.ExitError", 4)]
    [InlineData("Runtime.Unknown", 4)]
    [InlineData("AlertingConfigurationException", 1)]
    public async Task AlertingCrashDuringInit_IsRetriedOnlyWhenTheCrashIsNotItsConfiguration(string errorType, int expectedCalls)
    {
        await using var lambda = new LoopbackHttpServer(_ => CannedResponse.Json($$"""{"errorType":"{{errorType}}","errorMessage":"RequestId: 1 Error: Runtime exited with error: exit status 1"}""") with { Headers = new Dictionary<string, string> { ["X-Amz-Function-Error"] = "Unhandled" } });

        var exception = await Assert.ThrowsAsync<InvokerException>(() => Service(lambda).HandleAsync(Trigger, Deadline(), default));

        Assert.Contains(errorType, exception.Message, StringComparison.Ordinal);
        Assert.Equal(expectedCalls, lambda.Requests.Count);
    }

    // Nothing changes until an operator fixes the alerting function's configuration: one call, and the invoker's own
    // failure says so, so the event lands in the on-failure queue marked for redrive after the fix.
    [Theory]
    [InlineData("ServiceNowAlert.ConfigurationError")]
    [InlineData("AlertingConfigurationException")]
    public async Task AlertingConfigurationError_IsNotRetriedAndFailsTheInvocationAsConfiguration(string errorType)
    {
        await using var lambda = new LoopbackHttpServer(_ => CannedResponse.Json($$"""{"errorType":"{{errorType}}","errorMessage":"read SMTP credentials /smtp: no such parameter"}""") with { Headers = new Dictionary<string, string> { ["X-Amz-Function-Error"] = "Unhandled" } });

        var exception = await Assert.ThrowsAsync<InvokerException>(() => Service(lambda).HandleAsync(Trigger, Deadline(), default));

        Assert.Equal(InvokerException.ConfigurationError, exception.ErrorType);
        Assert.Contains("no such parameter", exception.Message, StringComparison.Ordinal);
        Assert.Single(lambda.Requests);
    }

    [Fact]
    public async Task RejectedReceipt_IsADeliveredAnswerNotAFailure()
    {
        await using var lambda = new LoopbackHttpServer(_ => CannedResponse.Json(Encoding.UTF8.GetString(AlertJson.Serialize(AlertResult.Rejected("inv-1", [new AlertProblem("$.route", "notAllowed", "unknown route")])))));

        var response = await Service(lambda).HandleAsync(Trigger, Deadline(), default);

        Assert.Equal(AlertResultStatus.Rejected, Assert.Single(response.Results).Status);
        Assert.Single(lambda.Requests);
    }

    [Fact]
    public async Task NearDeadline_StopsRetryingBeforeItPasses()
    {
        await using var lambda = new LoopbackHttpServer(_ => new CannedResponse(500, "{}"));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        await Assert.ThrowsAsync<InvokerException>(() => Service(lambda, attempts: 10).HandleAsync(Trigger, TimeProvider.System.GetUtcNow().AddSeconds(1.5), default));

        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task AssumedCredentials_AreReusedUntilNearExpiryThenRefreshedOnce()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        await using var sts = new LoopbackHttpServer(_ => CannedResponse.Xml(AssumeRole(time.GetUtcNow().AddMinutes(15))));
        using var client = new AmazonSecurityTokenServiceClient(new BasicAWSCredentials("AKID", "SECRET"), new AmazonSecurityTokenServiceConfig { ServiceURL = sts.BaseUri.ToString(), AuthenticationRegion = "eu-west-1" });
        using var assumer = new StsRoleAssumer(client, "arn:aws:iam::111111111111:role/x", "servicenowalert-invoker", "ext-1", time);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => assumer.GetCredentialsAsync(default)));
        time.Advance(TimeSpan.FromMinutes(9));
        await assumer.GetCredentialsAsync(default);
        time.Advance(TimeSpan.FromMinutes(2));
        var refreshed = await assumer.GetCredentialsAsync(default);

        Assert.Equal(2, assumer.Calls);
        Assert.Equal(2, sts.Requests.Count);
        Assert.Equal("assumed-token", (await refreshed.GetCredentialsAsync()).Token);
    }

    private static InvokerService Service(LoopbackHttpServer lambda, int attempts = 4) =>
        new(
            InvokerSettings.FromEnvironment(new Dictionary<string, string>
            {
                ["SNALERT_TARGET_FUNCTION_ARN"] = "arn:aws:lambda:eu-west-1:111111111111:function:servicenowalert-alerting:live",
                ["SNALERT_MAX_ATTEMPTS"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }),
            roles: null,
            _ => Task.FromResult<AWSCredentials>(Fakes.Credentials),
            new LambdaInvokeClient(new HttpClient(), "eu-west-1", lambda.BaseUri, TimeProvider.System),
            TimeProvider.System);

    private static DateTimeOffset Deadline() => TimeProvider.System.GetUtcNow().AddSeconds(60);

    private static string AssumeRole(DateTimeOffset expiration) => $"""
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
        <AssumedRoleUser><AssumedRoleId>AROA:x</AssumedRoleId><Arn>arn:aws:sts::111111111111:assumed-role/x/servicenowalert-invoker</Arn></AssumedRoleUser>
        <Credentials><AccessKeyId>ASIAX</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>assumed-token</SessionToken><Expiration>{expiration:yyyy-MM-ddTHH:mm:ssZ}</Expiration></Credentials>
        </AssumeRoleResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>
        """;
}
