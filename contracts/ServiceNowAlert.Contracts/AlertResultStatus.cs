using System.Text.Json.Serialization;

namespace ServiceNowAlert.Contracts;

/// <summary>What the alerting function did with a request.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertResultStatus>))]
public enum AlertResultStatus
{
    /// <summary>The email was accepted by the relay for at least one recipient.</summary>
    [JsonStringEnumMemberName("sent")]
    Sent,

    /// <summary>This <see cref="AlertRequest.AlertId"/> was handled before; nothing was sent again.</summary>
    [JsonStringEnumMemberName("duplicate")]
    Duplicate,

    /// <summary>An identical firing alert went out within the repeat interval; nothing was sent.</summary>
    [JsonStringEnumMemberName("suppressed")]
    Suppressed,

    /// <summary>The request can never succeed as it is (see <see cref="AlertResult.Problems"/>); retrying will not help.</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected,
}
