namespace ServiceNowAlert.Contracts.Validation;

/// <summary>
/// Whether a request built in code reads back from its JSON form as the same values, so that judging the object is
/// judging what the other side will read. A null entry, an enum value with no name (written as a number) and an
/// unpaired surrogate (written as U+FFFD) are not: only the JSON form can say what the reader will see.
/// </summary>
internal static class JsonForm
{
    public static bool IsExact(AlertRequest request) =>
        Enum.IsDefined(request.Status) && Enum.IsDefined(request.Severity) && !request.Links.Contains(null!) &&
        Optional(request).All(value => value is null || !TextRules.HasLoneSurrogate(value)) &&
        Entries(request).All(value => value is not null && !TextRules.HasLoneSurrogate(value));

    private static IEnumerable<string?> Optional(AlertRequest request) =>
    [
        request.SchemaVersion, request.AlertId, request.CorrelationKey, request.Source, request.Title, request.Description,
        request.Application, request.ConfigurationItem, request.Environment, request.Account, request.Region, request.Route,
        request.Producer?.Account, request.Producer?.Name,
        .. request.Links.SelectMany(link => new[] { link.Title, link.Url }),
    ];

    private static IEnumerable<string?> Entries(AlertRequest request) =>
        [.. request.Resources, .. request.LogExcerpt, .. request.Details.Keys, .. request.Details.Values];
}
