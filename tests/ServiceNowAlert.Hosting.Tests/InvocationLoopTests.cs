using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ServiceNowAlert.Hosting.Bootstrap;
using ServiceNowAlert.Hosting.Client;
using ServiceNowAlert.Hosting.Tests.TestHelpers;

namespace ServiceNowAlert.Hosting.Tests;

public sealed class InvocationLoopTests
{
    private readonly StringWriter _output = new();
    private string? _traceId;

    [Fact]
    public async Task Run_HandlerReturns_PostsTheResponse()
    {
        var api = new FakeRuntimeApiClient().Then(FakeRuntimeApiClient.Invocation("r1", "\"hi\"", Soon()));

        await RunAsync(api, (input, _) => Task.FromResult(input.ToArray()));

        var (id, body) = Assert.Single(api.Responses);
        Assert.Equal(("r1", "\"hi\""), (id, Encoding.UTF8.GetString(body)));
    }

    [Fact]
    public async Task Run_HandlerThrows_PostsTheErrorAndServesTheNextInvocation()
    {
        var api = new FakeRuntimeApiClient()
            .Then(FakeRuntimeApiClient.Invocation("r1", "1", Soon()))
            .Then(FakeRuntimeApiClient.Invocation("r2", "2", Soon()));

        await RunAsync(api, (input, _) => input.Span[0] == (byte)'1' ? throw new InvalidOperationException("boom") : Task.FromResult(input.ToArray()));

        var (id, error) = Assert.Single(api.Errors);
        Assert.Equal(("r1", "InvalidOperationException", "boom"), (id, error.ErrorType, error.ErrorMessage));
        Assert.NotEmpty(error.StackTrace);
        Assert.Equal("r2", Assert.Single(api.Responses).RequestId);
    }

    [Fact]
    public async Task Run_FunctionException_ReportsItsOwnErrorType()
    {
        var api = new FakeRuntimeApiClient().Then(FakeRuntimeApiClient.Invocation("r1", "{}", Soon()));

        await RunAsync(api, (_, _) => throw new LambdaFunctionException("ServiceNowAlert.TransientDeliveryFailure", "relay down"));

        Assert.Equal("ServiceNowAlert.TransientDeliveryFailure", Assert.Single(api.Errors).Error.ErrorType);
    }

    [Fact]
    public async Task Run_ResponseOverSixMegabytes_IsReportedAsTooLarge()
    {
        var api = new FakeRuntimeApiClient().Then(FakeRuntimeApiClient.Invocation("r1", "{}", Soon()));

        await RunAsync(api, (_, _) => Task.FromResult(new byte[(6 * 1024 * 1024) + 1]));

        Assert.Empty(api.Responses);
        Assert.Equal("Function.ResponseSizeTooLarge", Assert.Single(api.Errors).Error.ErrorType);
    }

    [Fact]
    public async Task Run_RuntimeApiFailsThenRecovers_LogsOnceAndCarriesOn()
    {
        var api = new FakeRuntimeApiClient()
            .ThenFail(new RuntimeApiException("get next invocation: the Runtime API answered 500"))
            .ThenFail(new HttpRequestException("connection reset", new SocketException()))
            .ThenFail(new IOException("dropped"))
            .Then(FakeRuntimeApiClient.Invocation("r1", "1", Soon()));

        await RunAsync(api, (input, _) => Task.FromResult(input.ToArray()));

        Assert.Equal("r1", Assert.Single(api.Responses).RequestId);
        Assert.Single(LogLines(), line => line.GetProperty("message").GetString() == "get next invocation: failed; retrying");
    }

    [Fact]
    public async Task Run_HandlerWaitsOnTheToken_IsCancelledAtTheDeadline()
    {
        var api = new FakeRuntimeApiClient().Then(FakeRuntimeApiClient.Invocation("r1", "{}", TimeProvider.System.GetUtcNow().AddMilliseconds(300)));
        TimeSpan? remainingAtStart = null;

        await RunAsync(api, async (_, context) =>
        {
            remainingAtStart = context.RemainingTime;
            await Task.Delay(Timeout.Infinite, context.CancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            return context.CancellationToken.IsCancellationRequested ? "\"cancelled\""u8.ToArray() : [];
        });

        Assert.InRange(remainingAtStart!.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(300));
        Assert.Equal("\"cancelled\"", Encoding.UTF8.GetString(Assert.Single(api.Responses).Body));
    }

    [Fact]
    public async Task Run_EachInvocation_SetsItsTraceIdAndLogsItsRequestId()
    {
        var api = new FakeRuntimeApiClient().Then(FakeRuntimeApiClient.Invocation("r-42", "{}", Soon(), "Root=1-abc"));

        await RunAsync(api, (input, context) =>
        {
            context.Log.Info("handling", LambdaLogExtensions.Field("client_secret", "s3cr3t"));
            return Task.FromResult(input.ToArray());
        });

        Assert.Equal("Root=1-abc", _traceId);
        var line = Assert.Single(LogLines(), line => line.GetProperty("message").GetString() == "handling");
        Assert.Equal("r-42", line.GetProperty("requestId").GetString());
        Assert.Equal("INFO", line.GetProperty("level").GetString());
        Assert.Equal("***", line.GetProperty("client_secret").GetString());
        Assert.DoesNotContain("s3cr3t", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MetricsAdded_AreFlushedAsOneEmbeddedMetricFormatLine()
    {
        var api = new FakeRuntimeApiClient().Then(FakeRuntimeApiClient.Invocation("r1", "{}", Soon()));

        await RunAsync(api, (input, context) =>
        {
            context.Metrics.Add("AlertsSent", 1, MetricUnit.Count);
            context.Metrics.Add("SmtpSendMs", 12.5, MetricUnit.Milliseconds);
            return Task.FromResult(input.ToArray());
        });

        var emf = Assert.Single(LogLines(), line => line.TryGetProperty("_aws", out _));
        var directive = emf.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal("ServiceNowAlert", directive.GetProperty("Namespace").GetString());
        Assert.Equal("FunctionName", directive.GetProperty("Dimensions")[0][0].GetString());
        Assert.Equal(["AlertsSent", "SmtpSendMs"], directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()));
        Assert.Equal(12.5, emf.GetProperty("SmtpSendMs").GetDouble());
        Assert.Equal("test-function", emf.GetProperty("FunctionName").GetString());
    }

    [Fact]
    public async Task Run_DimensionSet_AddsASecondDimensionSetForThatInvocationOnly()
    {
        var api = new FakeRuntimeApiClient()
            .Then(FakeRuntimeApiClient.Invocation("r1", "{}", Soon()))
            .Then(FakeRuntimeApiClient.Invocation("r2", "{}", Soon()));
        var calls = 0;

        await RunAsync(api, (input, context) =>
        {
            if (calls++ == 0)
            {
                context.Metrics.SetDimension("SourceAccount", "111111111111");
            }

            context.Metrics.Add("AlertsSent", 1, MetricUnit.Count);
            return Task.FromResult(input.ToArray());
        });

        var lines = LogLines().Where(line => line.TryGetProperty("_aws", out _)).ToList();
        Assert.Equal(2, lines.Count);
        var dimensions = lines[0].GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Dimensions");
        Assert.Equal([["FunctionName"], ["FunctionName", "SourceAccount"]], dimensions.EnumerateArray().Select(set => set.EnumerateArray().Select(name => name.GetString()!).ToArray()));
        Assert.Equal("111111111111", lines[0].GetProperty("SourceAccount").GetString());
        Assert.Equal(1, lines[1].GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Dimensions").GetArrayLength());
        Assert.False(lines[1].TryGetProperty("SourceAccount", out _));
    }

    private static DateTimeOffset Soon() => TimeProvider.System.GetUtcNow().AddSeconds(30);

    private async Task RunAsync(FakeRuntimeApiClient api, Func<ReadOnlyMemory<byte>, ILambdaContext, Task<byte[]>> handle)
    {
        var options = new LambdaRuntimeOptions { Output = _output };
        var log = new JsonLambdaLog(_output, options.TimeProvider, LambdaLogLevel.Info);
        var metrics = new EmfMetricsSink(_output, options.TimeProvider, "test-function");
        var loop = new InvocationLoop(api, new DelegateHandler(handle), log, metrics, options, id => _traceId = id);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(api.Drained);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        await loop.RunAsync(timeout.Token);
    }

    private List<JsonElement> LogLines() =>
        [.. _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];
}
