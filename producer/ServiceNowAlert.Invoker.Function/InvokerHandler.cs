using System.Diagnostics;
using System.Text.Json;
using ServiceNowAlert.Hosting;
using ServiceNowAlert.Invoker;

namespace ServiceNowAlert.Invoker.Function;

/// <summary>One trigger in, the receipts out; a failed invocation when the event must be kept for a retry.</summary>
internal sealed class InvokerHandler(InvokerService service, string? accountName) : ILambdaHandler
{
    public async Task<byte[]> HandleAsync(ReadOnlyMemory<byte> input, ILambdaContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await service.HandleAsync(input, context.Deadline, context.CancellationToken, ProducerIdentity.FromInvokedFunctionArn(context.InvokedFunctionArn, accountName));
            context.Metrics.Add("AlertsDelivered", response.Results.Count, MetricUnit.Count);
            return JsonSerializer.SerializeToUtf8Bytes(response, InvokerJsonContext.Default.InvokerResponse);
        }
        catch (InvokerException exception)
        {
            context.Metrics.Add(exception.ErrorType == InvokerException.InvalidTrigger ? "TriggersInvalid" : "AlertsUndelivered", 1, MetricUnit.Count);
            throw new LambdaFunctionException(exception.ErrorType, exception.Message, exception);
        }
        finally
        {
            context.Metrics.Add("InvokeMs", Stopwatch.GetElapsedTime(started).TotalMilliseconds, MetricUnit.Milliseconds);
        }
    }
}
