using System.Text.Json.Serialization;

namespace ServiceNowAlert.Contracts;

/// <summary>How urgent an alert is, from the producer's point of view.</summary>
/// <remarks><see cref="ServiceNowSeverity"/> maps these onto ServiceNow Event Management's numeric scale.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<AlertSeverity>))]
public enum AlertSeverity
{
    /// <summary>Service is down or data is at risk; page someone now (ServiceNow 1).</summary>
    [JsonStringEnumMemberName("critical")]
    Critical,

    /// <summary>Service is badly degraded (ServiceNow 2).</summary>
    [JsonStringEnumMemberName("major")]
    Major,

    /// <summary>Service is degraded for some users (ServiceNow 3).</summary>
    [JsonStringEnumMemberName("minor")]
    Minor,

    /// <summary>Something will become a problem if nobody acts (ServiceNow 4).</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,

    /// <summary>For information only (ServiceNow 5, OK).</summary>
    [JsonStringEnumMemberName("info")]
    Info,
}
