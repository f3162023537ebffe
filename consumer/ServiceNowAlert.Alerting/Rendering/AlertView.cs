namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>
/// The values a template sees, typed, before they become its <see cref="Scriban.Runtime.ScriptObject"/> model. For the
/// HTML part every string is already HTML-escaped (<see cref="AlertModelBuilder.ForHtml"/>).
/// </summary>
internal sealed record AlertView
{
    /// <summary>True when the HTML view cut long values or left long links out (<see cref="HtmlBudget"/>).</summary>
    public bool Shortened { get; init; }

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

    /// <summary>The producer account as shown: "name (id)", or the id alone; null for an alert without a producer.</summary>
    public string? Producer { get; init; }

    public string? ProducerAccount { get; init; }

    public string? ProducerName { get; init; }

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

    /// <summary>This view with <paramref name="map"/> applied to every value that comes from the request.</summary>
    public AlertView WithEachValue(Func<string, string> map)
    {
        string? Optional(string? value) => value is null ? null : map(value);
        KeyValuePair<string, string>[] Pairs(IReadOnlyList<KeyValuePair<string, string>> pairs) =>
            [.. pairs.Select(pair => new KeyValuePair<string, string>(map(pair.Key), map(pair.Value)))];
        return this with
        {
            Title = map(Title),
            Description = Optional(Description),
            Source = map(Source),
            Application = Optional(Application),
            Environment = Optional(Environment),
            ConfigurationItem = Optional(ConfigurationItem),
            Account = Optional(Account),
            Region = Optional(Region),
            Producer = Optional(Producer),
            ProducerAccount = Optional(ProducerAccount),
            ProducerName = Optional(ProducerName),
            AlertId = map(AlertId),
            CorrelationKey = map(CorrelationKey),
            Resources = [.. Resources.Select(map)],
            Links = Pairs(Links),
            Details = Pairs(Details),
            LogExcerpt = [.. LogExcerpt.Select(map)],
            ServiceNowFields = Pairs(ServiceNowFields),
            Summary = Pairs(Summary),
        };
    }
}
