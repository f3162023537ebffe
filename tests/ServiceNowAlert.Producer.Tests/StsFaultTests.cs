using Amazon.Runtime;
using ServiceNowAlert.AwsClients;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Invoker;
using ServiceNowAlert.Testing.Http;

namespace ServiceNowAlert.Producer.Tests;

/// <summary>
/// Fault matrix, STS side: the invoker with the STS client the function builds (<see cref="StsClientFactory"/>)
/// against a loopback STS that refuses, throttles, hangs or answers nonsense. Every outcome is asserted at the edge:
/// what the invoker answers, how many STS and Lambda calls it made, and whether the event is kept (a failed invocation).
/// </summary>
public sealed class StsFaultTests
{
    private const string RoleArn = "arn:aws:iam::111111111111:role/servicenowalert-cross-account-invoke";
    private static readonly byte[] Trigger = AlertJson.Serialize(Fakes.Alert("sts-1"));

    [Fact]
    public async Task AccessDenied_FailsAtOnceWithoutInvokingSoTheEventIsKept()
    {
        await using var sts = new LoopbackHttpServer(_ => StsError(403, "Sender", "AccessDenied", $"User: arn:aws:sts::222222222222:assumed-role/invoker/x is not authorized to perform: sts:AssumeRole on resource: {RoleArn}"));
        await using var lambda = Lambda();

        var exception = await Assert.ThrowsAsync<InvokerException>(() => Service(sts, lambda).HandleAsync(Trigger, Deadline(), default));

        Assert.Equal(InvokerException.DeliveryFailed, exception.ErrorType);
        Assert.Contains("AccessDenied", exception.Message, StringComparison.Ordinal);
        Assert.Single(sts.Requests);
        Assert.Empty(lambda.Requests);
    }

    [Fact]
    public async Task ThrottledOnce_IsRetriedAndDeliversOnce()
    {
        var calls = 0;
        await using var sts = new LoopbackHttpServer(_ => Interlocked.Increment(ref calls) == 1 ? StsError(400, "Sender", "Throttling", "Rate exceeded") : CannedResponse.Xml(AssumeRole));
        await using var lambda = Lambda();

        var response = await Service(sts, lambda).HandleAsync(Trigger, Deadline(), default);

        Assert.Equal(AlertResultStatus.Sent, Assert.Single(response.Results).Status);
        Assert.Equal(2, sts.Requests.Count);
        Assert.Single(lambda.Requests);
        Assert.Equal("assumed-session-token", lambda.Requests[0].Header("X-Amz-Security-Token"));
    }

    [Fact]
    public async Task ThrottledAlways_FailsAfterTheAttemptLimitWithoutInvoking()
    {
        await using var sts = new LoopbackHttpServer(_ => StsError(400, "Sender", "Throttling", "Rate exceeded"));
        await using var lambda = Lambda();

        var exception = await Assert.ThrowsAsync<InvokerException>(() => Service(sts, lambda).HandleAsync(Trigger, Deadline(), default));

        Assert.Contains("Throttling", exception.Message, StringComparison.Ordinal);
        Assert.Equal(4, sts.Requests.Count);
        Assert.Empty(lambda.Requests);
    }

    [Fact]
    public async Task ServerErrorThenAnswer_IsRetriedAndDeliversOnce()
    {
        var calls = 0;
        await using var sts = new LoopbackHttpServer(_ => Interlocked.Increment(ref calls) == 1 ? StsError(500, "Receiver", "InternalFailure", "internal") : CannedResponse.Xml(AssumeRole));
        await using var lambda = Lambda();

        var response = await Service(sts, lambda).HandleAsync(Trigger, Deadline(), default);

        Assert.Equal(AlertResultStatus.Sent, Assert.Single(response.Results).Status);
        Assert.Equal((2, 1), (sts.Requests.Count, lambda.Requests.Count));
    }

    [Fact]
    public async Task Hanging_EachCallIsCutAtItsTimeoutAndRetriedThenTheEventIsKept()
    {
        await using var sts = new LoopbackHttpServer(_ => CannedResponse.Xml(AssumeRole) with { Delay = TimeSpan.FromSeconds(30) });
        await using var lambda = Lambda();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        var exception = await Assert.ThrowsAsync<InvokerException>(() => Service(sts, lambda, TimeSpan.FromMilliseconds(300)).HandleAsync(Trigger, Deadline(), default));

        Assert.Equal(InvokerException.DeliveryFailed, exception.ErrorType);
        Assert.Contains("assume role", exception.Message, StringComparison.Ordinal);

        // Four attempts; .NET's HTTP handler may resend a request once when the connection it chose turns out to be
        // one the server is still holding for a cut-off call, so the server can see up to twice as many.
        Assert.InRange(sts.Requests.Count, 4, 8);
        Assert.Empty(lambda.Requests);
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData("<html><body>Gateway</body></html>")]
    [InlineData("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult><Credentials><AccessKeyId>A</AccessKeyId>")]
    [InlineData("")]
    public async Task MalformedAnswer_IsRetriedThenFailsWithoutInvoking(string body)
    {
        await using var sts = new LoopbackHttpServer(_ => CannedResponse.Xml(body));
        await using var lambda = Lambda();

        var exception = await Assert.ThrowsAsync<InvokerException>(() => Service(sts, lambda).HandleAsync(Trigger, Deadline(), default));

        Assert.Equal(InvokerException.DeliveryFailed, exception.ErrorType);
        Assert.Equal(4, sts.Requests.Count);
        Assert.Empty(lambda.Requests);
    }

    private static InvokerService Service(LoopbackHttpServer sts, LoopbackHttpServer lambda, TimeSpan? stsTimeout = null)
    {
        var settings = InvokerSettings.FromEnvironment(new Dictionary<string, string>
        {
            ["SNALERT_TARGET_FUNCTION_ARN"] = "arn:aws:lambda:eu-west-1:111111111111:function:servicenowalert-alerting:live",
            ["SNALERT_TARGET_ROLE_ARN"] = RoleArn,
            ["SNALERT_STS_ENDPOINT"] = sts.BaseUri.ToString(),
        });
        var roles = new StsRoleAssumer(StsClientFactory.Create(settings, new BasicAWSCredentials("AKIDINVOKER", "invoker-secret"), stsTimeout), RoleArn, "servicenowalert-invoker", null, TimeProvider.System);
        return new InvokerService(settings, roles, _ => throw new InvalidOperationException("own credentials are not used when a role is set"), new LambdaInvokeClient(new HttpClient(), "eu-west-1", lambda.BaseUri, TimeProvider.System), TimeProvider.System);
    }

    private static LoopbackHttpServer Lambda() => new(request => CannedResponse.Json(Fakes.Receipt("sts-1")));

    private static DateTimeOffset Deadline() => TimeProvider.System.GetUtcNow().AddSeconds(60);

    private static CannedResponse StsError(int status, string type, string code, string message) => CannedResponse.Xml(
        $"""
        <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <Error><Type>{type}</Type><Code>{code}</Code><Message>{System.Security.SecurityElement.Escape(message)}</Message></Error>
          <RequestId>5a2c4b4e-0000-0000-0000-000000000000</RequestId>
        </ErrorResponse>
        """,
        status);

    private const string AssumeRole = """
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
        <SourceIdentity>servicenowalert-invoker</SourceIdentity>
        <AssumedRoleUser><AssumedRoleId>AROA:servicenowalert-invoker</AssumedRoleId><Arn>arn:aws:sts::111111111111:assumed-role/servicenowalert-cross-account-invoke/servicenowalert-invoker</Arn></AssumedRoleUser>
        <Credentials><AccessKeyId>ASIAASSUMED</AccessKeyId><SecretAccessKey>assumed-secret</SecretAccessKey><SessionToken>assumed-session-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
        </AssumeRoleResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>
        """;
}
