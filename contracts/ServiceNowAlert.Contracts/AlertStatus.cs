using System.Text.Json.Serialization;

namespace ServiceNowAlert.Contracts;

/// <summary>Whether the problem an alert reports is happening now or has ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertStatus>))]
public enum AlertStatus
{
    /// <summary>The problem is happening.</summary>
    [JsonStringEnumMemberName("firing")]
    Firing,

    /// <summary>The problem has ended; pairs with the firing alert by <see cref="AlertRequest.CorrelationKey"/>.</summary>
    [JsonStringEnumMemberName("resolved")]
    Resolved,
}
