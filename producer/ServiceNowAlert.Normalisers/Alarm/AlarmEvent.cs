using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ServiceNowAlert.Normalisers;

/// <summary>
/// The members of a "CloudWatch Alarm State Change" event that an alert is made from, read from the parsed envelope
/// as a document lookup sees them: a repeated member counts its last value, a string member holds a string's text or
/// a number's or boolean's JSON text, anything else is null.
/// </summary>
/// <param name="AlarmArn">The first string in <c>resources</c> that names an alarm.</param>
/// <param name="Metrics">Null when <c>configuration.metrics</c> is not an array.</param>
internal sealed record AlarmEvent(
    string? Region, string? Account, string? Time, string? Id, string? AlarmArn, string? AlarmName,
    string? StateValue, string? StateTimestamp, string? StateReason, string? StateReasonData, string? PreviousStateValue,
    string? Description, string? AlarmRule, string? ThresholdMetricId, List<AlarmMetric>? Metrics)
{
    /// <summary>The members from a parsed envelope; never throws for a member of an unexpected type.</summary>
    public static AlarmEvent From(JsonElement envelope)
    {
        var detail = Json.At(envelope, "detail"u8) ?? default;
        var state = Json.At(detail, "state"u8) ?? default;
        var configuration = Json.At(detail, "configuration"u8) ?? default;
        return new AlarmEvent(
            Region: Json.Str(envelope, "region"u8),
            Account: Json.Str(envelope, "account"u8),
            Time: Json.Str(envelope, "time"u8),
            Id: Json.Str(envelope, "id"u8),
            AlarmArn: Json.At(envelope, "resources"u8) is { ValueKind: JsonValueKind.Array } resources
                ? resources.EnumerateArray().Select(Json.SafeString).FirstOrDefault(IsAlarmArn)
                : null,
            AlarmName: Json.Str(detail, "alarmName"u8),
            StateValue: Json.Str(state, "value"u8),
            StateTimestamp: Json.Str(state, "timestamp"u8),
            StateReason: Json.Str(state, "reason"u8),
            StateReasonData: Json.Str(state, "reasonData"u8),
            PreviousStateValue: Json.Str(Json.At(detail, "previousState"u8) ?? default, "value"u8),
            Description: Json.Str(configuration, "description"u8),
            AlarmRule: Json.Str(configuration, "alarmRule"u8),
            ThresholdMetricId: Json.Str(configuration, "thresholdMetricId"u8),
            Metrics: Json.At(configuration, "metrics"u8) is { ValueKind: JsonValueKind.Array } metrics
                ? [.. metrics.EnumerateArray().Select(AlarmMetric.From)]
                : null);
    }

    private static bool IsAlarmArn([NotNullWhen(true)] string? resource) => resource is not null && resource.Contains(":alarm:", StringComparison.Ordinal);
}
