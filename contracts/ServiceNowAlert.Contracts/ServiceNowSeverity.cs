namespace ServiceNowAlert.Contracts;

/// <summary>
/// ServiceNow Event Management's numeric severity: 1 critical, 2 major, 3 minor, 4 warning, 5 OK, 0 clear.
/// </summary>
public static class ServiceNowSeverity
{
    /// <summary>The value that closes an event in ServiceNow.</summary>
    public const int Clear = 0;

    /// <summary>Maps an alert to the ServiceNow severity: a resolved alert is always <see cref="Clear"/>.</summary>
    /// <param name="severity">The alert's own severity.</param>
    /// <param name="status">The alert's status.</param>
    /// <returns>A number from 0 to 5.</returns>
    public static int From(AlertSeverity severity, AlertStatus status) => status == AlertStatus.Resolved
        ? Clear
        : severity switch
        {
            AlertSeverity.Critical => 1,
            AlertSeverity.Major => 2,
            AlertSeverity.Minor => 3,
            AlertSeverity.Warning => 4,
            AlertSeverity.Info => 5,
            _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "map severity: unknown value"),
        };
}
