using Amazon.Runtime;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Producer.Tests;

/// <summary>Shared bits for the producer tests.</summary>
internal static class Fakes
{
    public static readonly SessionAWSCredentials Credentials = new("ASIATEST", "test-secret", "test-session-token");

    public static AlertRequest Alert(string id) => new()
    {
        AlertId = id,
        CorrelationKey = "k/" + id,
        Status = AlertStatus.Firing,
        Severity = AlertSeverity.Minor,
        Source = "tests",
        Title = "Test alert " + id,
        OccurredAt = new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero),
    };

    public static string Receipt(string id) => System.Text.Encoding.UTF8.GetString(AlertJson.Serialize(new AlertResult { Status = AlertResultStatus.Sent, AlertId = id, MessageId = "m@x", AcceptedRecipients = 1 }));
}
