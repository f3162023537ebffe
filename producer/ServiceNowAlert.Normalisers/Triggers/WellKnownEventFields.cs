using System.Text.Json;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Normalisers;

/// <summary>
/// What AWS's own security and health events say about themselves, in the fields those services share, so that a
/// generic EventBridge event keeps its service's severity, its resolution and its identity without code per type:
/// GuardDuty (numeric <c>severity</c> 0-10, finding <c>arn</c>), Inspector and Security Hub (severity labels),
/// Macie (<c>severity.description</c>), AWS Health (<c>statusCode</c>, <c>eventArn</c>, <c>eventDescription</c>).
/// Anything else falls back to the configured default, as before.
/// </summary>
internal static class WellKnownEventFields
{
    /// <summary>The event's own severity, when it states one in a known form.</summary>
    /// <remarks>A bare number is read on GuardDuty's scale only for GuardDuty: other sources' numbers mean other things
    /// (syslog's 5 is "notice").</remarks>
    public static AlertSeverity? Severity(string source, JsonElement detail)
    {
        var severity = Json.At(detail, "severity");
        return severity?.ValueKind switch
        {
            JsonValueKind.Number when source == "aws.guardduty" && severity.Value.TryGetDouble(out var score) => FromScore(score),
            JsonValueKind.Number => null,
            JsonValueKind.String => FromLabel(Json.SafeString(severity.Value)),
            JsonValueKind.Object => FromLabel(Json.Str(severity.Value, "description")) ?? FromLabel(Json.Str(severity.Value, "label")),
            _ => FromLabel(Json.Array(detail, "findings").Select(finding => Json.Str(finding, "Severity", "Label")).FirstOrDefault()),
        };
    }

    /// <summary>Resolved when the event says its issue is over (AWS Health's <c>statusCode: closed</c>).</summary>
    public static AlertStatus? Status(JsonElement detail) =>
        Json.Str(detail, "statusCode")?.ToUpperInvariant() switch
        {
            "CLOSED" or "RESOLVED" => AlertStatus.Resolved,
            "OPEN" or "UPCOMING" => AlertStatus.Firing,
            _ => null,
        };

    /// <summary>The identity that the event's later updates and its resolution share (Health event, finding).</summary>
    public static string? Identity(JsonElement detail) =>
        Json.Str(detail, "eventArn") ?? Json.Str(detail, "arn") ?? Json.Array(detail, "findings").Select(finding => Json.Str(finding, "Id")).FirstOrDefault();

    /// <summary>A readable description where the event has one under a known name.</summary>
    public static string? Description(JsonElement detail) =>
        Json.Str(detail, "description") ??
        Json.Array(detail, "eventDescription").Select(description => Json.Str(description, "latestDescription")).FirstOrDefault(text => !string.IsNullOrWhiteSpace(text));

    // GuardDuty's bands: 9.0-10.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 1.0-3.9 low.
    private static AlertSeverity? FromScore(double score) => score switch
    {
        >= 9 and <= 10 => AlertSeverity.Critical,
        >= 7 and < 9 => AlertSeverity.Major,
        >= 4 and < 7 => AlertSeverity.Minor,
        >= 1 and < 4 => AlertSeverity.Warning,
        >= 0 and < 1 => AlertSeverity.Info,
        _ => null,
    };

    private static AlertSeverity? FromLabel(string? label) => label?.Trim().ToUpperInvariant() switch
    {
        "CRITICAL" => AlertSeverity.Critical,
        "HIGH" or "MAJOR" => AlertSeverity.Major,
        "MEDIUM" or "MODERATE" or "MINOR" => AlertSeverity.Minor,
        "LOW" or "WARNING" => AlertSeverity.Warning,
        "INFORMATIONAL" or "INFO" => AlertSeverity.Info,
        _ => null,
    };
}
