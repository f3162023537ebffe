namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>
/// The values a template sees, typed. For the HTML part (<see cref="IsHtml"/>) every string is already HTML-escaped
/// except <see cref="ServiceNowFields"/>, which the HTML default never shows and which is escaped when an override
/// template gets it (<see cref="AlertModelBuilder.ToScriptObject"/>). The compiled default templates read it directly.
/// </summary>
internal sealed record AlertView
{
    public bool IsHtml { get; init; }

    public required string Status { get; init; }

    public required string StatusLabel { get; init; }

    public required string Severity { get; init; }

    public required string SeverityLabel { get; init; }

    public required int ServiceNowSeverity { get; init; }

    public required string SeverityColor { get; init; }

    public required string SeverityTextColor { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required string Source { get; init; }

    public string? Application { get; init; }

    public string? Environment { get; init; }

    public string? ConfigurationItem { get; init; }

    public string? Account { get; init; }

    public string? Region { get; init; }

    public required string OccurredAt { get; init; }

    public required string AlertId { get; init; }

    public required string CorrelationKey { get; init; }

    public required IReadOnlyList<string> Resources { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> Links { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> Details { get; init; }

    public required IReadOnlyList<string> LogExcerpt { get; init; }

    public required int LogOmitted { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> ServiceNowFields { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> Summary { get; init; }
}
