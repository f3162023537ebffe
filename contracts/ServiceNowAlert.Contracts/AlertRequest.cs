namespace ServiceNowAlert.Contracts;

/// <summary>
/// Version 1 of the alert request: the one payload that custom apps, the invoker, the alerting function and the CLI share.
/// </summary>
/// <remarks>
/// Read requests with <see cref="AlertRequestReader"/>, which applies every rule in <see cref="AlertLimits"/> and returns
/// all problems at once. The type itself does not validate, so a normaliser can build one freely and check it after.
/// </remarks>
public sealed record AlertRequest
{
    private readonly IReadOnlyList<string> _logExcerpt = [];

    private readonly OrderedDictionary<string, string> _details = [];

    private readonly IReadOnlyList<AlertLink> _links = [];

    private readonly IReadOnlyList<string> _resources = [];

    /// <summary>"major.minor"; readers accept any minor of a major they support.</summary>
    public string SchemaVersion { get; init; } = AlertSchemaVersion.Current;

    /// <summary>Idempotency key: the same problem report, retried, carries the same id.</summary>
    public required string AlertId { get; init; }

    /// <summary>Ties a firing alert to its later resolution; becomes ServiceNow's <c>message_key</c>.</summary>
    public required string CorrelationKey { get; init; }

    /// <summary>Firing or resolved.</summary>
    public required AlertStatus Status { get; init; }

    /// <summary>How urgent the problem is; a resolved alert keeps the severity it fired with.</summary>
    public required AlertSeverity Severity { get; init; }

    /// <summary>What reported the problem, for example <c>aws.cloudwatch</c> or an app's name.</summary>
    public required string Source { get; init; }

    /// <summary>One line that names the problem.</summary>
    public required string Title { get; init; }

    /// <summary>What happened, in as many lines as needed.</summary>
    public string? Description { get; init; }

    /// <summary>The application the problem belongs to.</summary>
    public string? Application { get; init; }

    /// <summary>The configuration item (ServiceNow <c>node</c>), for example a host, function or queue name.</summary>
    public string? ConfigurationItem { get; init; }

    /// <summary>The environment, for example <c>prod</c>.</summary>
    public string? Environment { get; init; }

    /// <summary>The 12-digit AWS account the problem happened in.</summary>
    public string? Account { get; init; }

    /// <summary>The AWS region the problem happened in.</summary>
    public string? Region { get; init; }

    /// <summary>When the problem was observed, in UTC.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Resources involved, usually ARNs.</summary>
    public IReadOnlyList<string> Resources
    {
        get => _resources;
        init => _resources = value ?? [];
    }

    /// <summary>Links to follow up with.</summary>
    public IReadOnlyList<AlertLink> Links
    {
        get => _links;
        init => _links = value ?? [];
    }

    /// <summary>Further facts as an ordered map of names to values.</summary>
    public OrderedDictionary<string, string> Details
    {
        get => _details;
        init => _details = value ?? [];
    }

    /// <summary>A bounded excerpt of relevant log lines.</summary>
    public IReadOnlyList<string> LogExcerpt
    {
        get => _logExcerpt;
        init => _logExcerpt = value ?? [];
    }

    /// <summary>The producer account that sent the alert (schema 1.1); absent from older producers.</summary>
    public AlertProducer? Producer { get; init; }

    /// <summary>The name of a recipient route that the alerting side owns; requests never carry addresses.</summary>
    public string? Route { get; init; }
}
