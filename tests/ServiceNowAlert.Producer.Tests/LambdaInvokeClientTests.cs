using System.Text;
using ServiceNowAlert.AwsClients;
using ServiceNowAlert.Testing.Http;

namespace ServiceNowAlert.Producer.Tests;

public sealed class LambdaInvokeClientTests
{
    private const string FunctionArn = "arn:aws:lambda:eu-west-1:111111111111:function:servicenowalert-alerting:live";

    [Fact]
    public async Task Invoke_SendsASigV4SignedRequestResponseCallWithTheSessionToken()
    {
        await using var lambda = new LoopbackHttpServer(_ => CannedResponse.Json(Fakes.Receipt("a")));
        using var http = new HttpClient();

        var result = await new LambdaInvokeClient(http, "eu-west-1", lambda.BaseUri, TimeProvider.System).InvokeAsync(FunctionArn, "{}"u8.ToArray(), Fakes.Credentials, default);

        Assert.True(result.Succeeded);
        var call = Assert.Single(lambda.Requests);
        Assert.Equal($"/2015-03-31/functions/{Uri.EscapeDataString(FunctionArn)}/invocations", call.Path);
        Assert.Equal("RequestResponse", call.Header("X-Amz-Invocation-Type"));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=ASIATEST/", call.Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/lambda/aws4_request", call.Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("x-amz-security-token", call.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal("test-session-token", call.Header("x-amz-security-token"));
    }

    [Fact]
    public async Task Invoke_FunctionErrorAndThrottling_AreReportedWithTheirDetails()
    {
        var calls = 0;
        await using var lambda = new LoopbackHttpServer(_ => ++calls == 1
            ? new CannedResponse(429, """{"Type":"User","message":"Rate Exceeded.","retryAfterSeconds":"2"}""")
            : CannedResponse.Json("""{"errorType":"ServiceNowAlert.TransientDeliveryFailure","errorMessage":"relay down"}""") with { Headers = new Dictionary<string, string> { ["X-Amz-Function-Error"] = "Unhandled" } });
        using var http = new HttpClient();
        var client = new LambdaInvokeClient(http, "eu-west-1", lambda.BaseUri, TimeProvider.System);

        var throttled = await client.InvokeAsync(FunctionArn, "{}"u8.ToArray(), Fakes.Credentials, default);
        var failed = await client.InvokeAsync(FunctionArn, "{}"u8.ToArray(), Fakes.Credentials, default);

        Assert.Equal((429, TimeSpan.FromSeconds(2)), (throttled.StatusCode, throttled.RetryAfter));
        Assert.Equal("Unhandled", failed.FunctionError);
        Assert.False(failed.Succeeded);
    }

    [Fact]
    public async Task Invoke_PayloadOverSixMegabytes_IsRefusedBeforeSending()
    {
        await using var lambda = new LoopbackHttpServer(_ => CannedResponse.Json("{}"));
        using var http = new HttpClient();

        await Assert.ThrowsAsync<ArgumentException>(() => new LambdaInvokeClient(http, "eu-west-1", lambda.BaseUri, TimeProvider.System).InvokeAsync(FunctionArn, new byte[(6 * 1024 * 1024) + 1], Fakes.Credentials, default));

        Assert.Empty(lambda.Requests);
    }
}
