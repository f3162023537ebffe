using System.Diagnostics;
using ServiceNowAlert.Alerting.Pipeline;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Hosting;

namespace ServiceNowAlert.Alerting.Function;

/// <summary>
/// One invocation: an alert request in, an <see cref="AlertResult"/> out, or a function error whose type says whether
/// a retry can help (transient) or only an operator can (configuration).
/// </summary>
internal sealed class AlertingHandler(AlertingService service) : ILambdaHandler
{
    public async Task<byte[]> HandleAsync(ReadOnlyMemory<byte> input, ILambdaContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var (result, sourceAccount) = await service.ProcessAsync(input, new AlertInvocation(context.RequestId, context.Deadline, context.CancellationToken));
            if (sourceAccount is not null)
            {
                // Per-account figures beside the totals, rejected claims of unlisted accounts included (a 12-digit id the contract checked).
                context.Metrics.SetDimension("SourceAccount", sourceAccount);
            }

            context.Metrics.Add(MetricName(result.Status), 1, MetricUnit.Count);
            if (result.Status == AlertResultStatus.Sent)
            {
                context.Metrics.Add("SmtpSendMs", Stopwatch.GetElapsedTime(started).TotalMilliseconds, MetricUnit.Milliseconds);
            }

            return AlertJson.Serialize(result);
        }
        catch (TransientAlertingException exception)
        {
            CountFailure(context, exception);
            throw new LambdaFunctionException(exception.ErrorType, exception.Message, exception);
        }
        catch (AlertingConfigurationException exception)
        {
            CountFailure(context, exception);
            throw new LambdaFunctionException(AlertErrorTypes.ConfigurationError, exception.Message, exception);
        }
    }

    private static void CountFailure(ILambdaContext context, Exception exception)
    {
        if (exception.Data[AlertOutcome.SourceAccountKey] is string sourceAccount)
        {
            context.Metrics.SetDimension("SourceAccount", sourceAccount);
        }

        context.Metrics.Add("AlertsFailed", 1, MetricUnit.Count);
    }

    private static string MetricName(AlertResultStatus status) => status switch
    {
        AlertResultStatus.Sent => "AlertsSent",
        AlertResultStatus.Duplicate => "AlertsDuplicate",
        AlertResultStatus.Suppressed => "AlertsSuppressed",
        _ => "AlertsRejected",
    };
}
