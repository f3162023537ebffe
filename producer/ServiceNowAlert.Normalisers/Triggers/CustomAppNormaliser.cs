using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Normalisers;

/// <summary>
/// Events custom apps emit (detail-type "ServiceNow Alert", detail = the contract's alert fields). The envelope fills
/// what the app left out (source, account, region, time, an alertId from the event id); the contract then judges it.
/// </summary>
internal static class CustomAppNormaliser
{
    public const string DetailType = "ServiceNow Alert";

    public static NormaliseResult Normalise(JsonElement envelope)
    {
        if (Json.At(envelope, "detail") is not { ValueKind: JsonValueKind.Object } detail)
        {
            return NormaliseResult.Fail("custom-app", "normalise ServiceNow Alert event: detail must be an object with the alert's fields");
        }

        JsonObject alert;
        try
        {
            alert = JsonNode.Parse(detail.GetRawText())!.AsObject();
        }
        catch (ArgumentException exception)
        {
            // JsonObject refuses duplicate property names; so does the contract.
            return NormaliseResult.Fail("custom-app", $"normalise ServiceNow Alert event: {exception.Message}");
        }

        void Default(string name, string? value)
        {
            if (value is not null && (!alert.TryGetPropertyValue(name, out var existing) || existing is null))
            {
                alert[name] = value;
            }
        }

        var eventId = Json.Str(envelope, "id");
        Default("schemaVersion", AlertSchemaVersion.Current);
        Default("status", "firing");
        Default("source", Json.Str(envelope, "source"));
        Default("account", Json.Str(envelope, "account"));
        Default("region", Json.Str(envelope, "region"));
        Default("occurredAt", Json.Time(Json.Str(envelope, "time"))?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        Default("alertId", eventId is null ? null : "app-" + Text.Hash(eventId));
        Default("correlationKey", alert["alertId"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null);
        var read = AlertRequestReader.Read(System.Text.Encoding.UTF8.GetBytes(alert.ToJsonString()));
        return read.IsValid
            ? new NormaliseResult { TriggerKind = "custom-app", Alerts = [read.Request!], ReadThroughContract = true }
            : NormaliseResult.Fail("custom-app", $"normalise ServiceNow Alert event {eventId}: the detail is not a valid alert request ({read.Problems.Count} problems)", read.Problems);
    }
}
