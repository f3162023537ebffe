using System.Text.Json;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Normalisers;

/// <summary>
/// Any other EventBridge event (GuardDuty finding, Health event, ECS task stopped, ...): an alert from its source,
/// detail-type, resources and flattened detail, so a new event type needs only a rule, no code. Severity, resolution and
/// identity come from the event itself where it states them in a form AWS services share (<see cref="WellKnownEventFields"/>).
/// </summary>
internal static class GenericEventNormaliser
{
    public static NormaliseResult Normalise(JsonElement envelope, NormaliserOptions options)
    {
        var source = Json.Str(envelope, "source") ?? "unknown";
        var detailType = Json.Str(envelope, "detail-type") ?? "event";
        var resources = Json.Array(envelope, "resources").Select(Json.SafeString).Where(resource => !string.IsNullOrEmpty(resource))
            .Take(AlertLimits.MaxResources).Select(resource => Text.SingleLine(resource, AlertLimits.MaxResourceLength)).ToList();
        var detail = Json.At(envelope, "detail") ?? default;
        var details = new OrderedDictionary<string, string>();
        var omitted = 0;
        Flatten(detail, string.Empty, details, ref omitted);
        if (omitted > 0)
        {
            // The note takes the last field's place, so that field is left out too.
            details.Remove(details.Keys.Last());
            details["_omitted_fields"] = (omitted + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more fields not shown";
        }

        var title = Json.Str(detail, "title") ?? Json.Str(detail, "eventTypeCode") ?? Json.Str(detail, "stoppedReason") ?? detailType;
        var region = Json.Str(envelope, "region");
        var account = Json.Str(envelope, "account");
        // An event's own identity (a Health event's ARN, a finding's ARN) comes first, so its updates and its
        // resolution share one correlation key; else the first resource, else the title.
        var subject = WellKnownEventFields.Identity(detail) ?? (resources.Count > 0 ? resources[0] : title);
        var request = new AlertRequest
        {
            AlertId = "event-" + Text.Hash(Json.Str(envelope, "id"), source, detailType),
            CorrelationKey = Text.Key($"{source}:{detailType}:{subject}"),
            Status = WellKnownEventFields.Status(detail) ?? AlertStatus.Firing,
            Severity = WellKnownEventFields.Severity(source, detail) ?? options.DefaultSeverity,
            Source = Text.SingleLine(source, AlertLimits.MaxSourceLength),
            Title = Text.SingleLine($"{detailType}: {title}", AlertLimits.MaxTitleLength),
            Description = WellKnownEventFields.Description(detail) is { } description ? Text.MultiLine(description, AlertLimits.MaxDescriptionLength) : null,
            Account = AwsIdentifiers.IsAccountId(account) ? account : null,
            Region = AwsIdentifiers.IsRegion(region) ? region : null,
            OccurredAt = Json.Time(Json.Str(envelope, "time")) ?? DateTimeOffset.UnixEpoch,
            Resources = resources,
            Details = details,
        };
        return new NormaliseResult { TriggerKind = "eventbridge", Alerts = [request] };
    }

    private static void Flatten(JsonElement element, string prefix, OrderedDictionary<string, string> details, ref int omitted)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}", details, ref omitted);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}[{index++}]", details, ref omitted);
                }

                break;
            case JsonValueKind.Undefined or JsonValueKind.Null:
                break;
            default:
                var name = Text.SingleLine(prefix, AlertLimits.MaxDetailNameLength);
                if (name.Length == 0 || details.ContainsKey(name))
                {
                    return;
                }

                if (details.Count >= AlertLimits.MaxDetails)
                {
                    omitted++;
                    return;
                }

                var value = element.ValueKind == JsonValueKind.String ? Json.SafeString(element) ?? string.Empty : element.GetRawText();
                details[name] = Text.MultiLine(value, AlertLimits.MaxDetailValueLength);
                break;
        }
    }
}
