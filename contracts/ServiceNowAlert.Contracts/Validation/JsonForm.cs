namespace ServiceNowAlert.Contracts.Validation;

/// <summary>
/// Whether a request built in code reads back from its JSON form as the same values, so that judging the object is
/// judging what the other side will read. A null entry, an enum value with no name (written as a number) and an
/// unpaired surrogate (written as U+FFFD) are not: only the JSON form can say what the reader will see.
/// </summary>
internal static class JsonForm
{
    public static bool IsExact(AlertRequest request)
    {
        if (!Enum.IsDefined(request.Status) || !Enum.IsDefined(request.Severity))
        {
            return false;
        }

        foreach (var value in (ReadOnlySpan<string?>)[request.SchemaVersion, request.AlertId, request.CorrelationKey, request.Source, request.Title, request.Description, request.Application, request.ConfigurationItem, request.Environment, request.Account, request.Region, request.Route])
        {
            if (value is not null && TextRules.HasLoneSurrogate(value))
            {
                return false;
            }
        }

        return AllExact(request.Resources) && AllExact(request.LogExcerpt) && LinksExact(request.Links) && DetailsExact(request.Details);
    }

    private static bool AllExact(IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            if (value is null || TextRules.HasLoneSurrogate(value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool LinksExact(IReadOnlyList<AlertLink> links)
    {
        foreach (var link in links)
        {
            if (link is null || (link.Title is not null && TextRules.HasLoneSurrogate(link.Title)) || (link.Url is not null && TextRules.HasLoneSurrogate(link.Url)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool DetailsExact(OrderedDictionary<string, string> details)
    {
        foreach (var (name, value) in details)
        {
            if (value is null || TextRules.HasLoneSurrogate(name) || TextRules.HasLoneSurrogate(value))
            {
                return false;
            }
        }

        return true;
    }
}
