namespace ServiceNowAlert.Contracts;

/// <summary>
/// The bounds every alert request must keep. Lengths count Unicode characters (code points), as JSON Schema's
/// <c>maxLength</c> does, so the schema files and the reader agree; only the whole-request size counts UTF-8 bytes.
/// </summary>
public static class AlertLimits
{
    /// <summary>The largest request in UTF-8 bytes: EventBridge's limit for one entry (256 KiB).</summary>
    public const int MaxRequestBytes = 256 * 1024;

    /// <summary>Longest idempotency key.</summary>
    public const int MaxAlertIdLength = 128;

    /// <summary>Longest correlation key.</summary>
    public const int MaxCorrelationKeyLength = 256;

    /// <summary>Longest source name.</summary>
    public const int MaxSourceLength = 128;

    /// <summary>Longest title.</summary>
    public const int MaxTitleLength = 256;

    /// <summary>Longest description (16 Ki characters).</summary>
    public const int MaxDescriptionLength = 16 * 1024;

    /// <summary>Longest application name.</summary>
    public const int MaxApplicationLength = 128;

    /// <summary>Longest configuration item.</summary>
    public const int MaxConfigurationItemLength = 256;

    /// <summary>Longest environment name.</summary>
    public const int MaxEnvironmentLength = 64;

    /// <summary>Most resources.</summary>
    public const int MaxResources = 100;

    /// <summary>Longest resource (an ARN is at most 2048).</summary>
    public const int MaxResourceLength = 2048;

    /// <summary>Most links.</summary>
    public const int MaxLinks = 20;

    /// <summary>Longest link title.</summary>
    public const int MaxLinkTitleLength = 256;

    /// <summary>Longest link URL.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Most details.</summary>
    public const int MaxDetails = 64;

    /// <summary>Longest detail name.</summary>
    public const int MaxDetailNameLength = 128;

    /// <summary>Longest detail value (4 Ki characters).</summary>
    public const int MaxDetailValueLength = 4 * 1024;

    /// <summary>Most log lines in the excerpt.</summary>
    public const int MaxLogLines = 50;

    /// <summary>Longest log line (4 Ki characters).</summary>
    public const int MaxLogLineLength = 4 * 1024;

    /// <summary>Longest producer account display name (the Caller stack's AccountName allows as many).</summary>
    public const int MaxProducerNameLength = 64;

    /// <summary>Longest route name.</summary>
    public const int MaxRouteLength = 64;
}
