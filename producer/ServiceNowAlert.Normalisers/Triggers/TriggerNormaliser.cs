using System.Text.Json;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Normalisers;

/// <summary>
/// Recognises a trigger and turns it into alert requests: EventBridge alarm state changes, "ServiceNow Alert" events
/// from custom apps, any other EventBridge event, CloudWatch Logs subscription payloads, or direct alert requests.
/// Every alert it returns passes the contract; anything else is an error naming what was expected. Never throws.
/// </summary>
public static class TriggerNormaliser
{
    public const string Expected = "expected an EventBridge event (version, id, detail-type, source, detail), a CloudWatch Logs subscription payload ({\"awslogs\":{\"data\":...}}), or an alert request (an object with schemaVersion, or an array of them)";

    public static NormaliseResult Normalise(ReadOnlyMemory<byte> payload, NormaliserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (payload.Length > 6 * 1024 * 1024)
        {
            return NormaliseResult.Fail("unknown", $"normalise trigger: the payload is {payload.Length} bytes, more than Lambda's 6 MB");
        }

        // Every kind is read from this one document. Chosen by the invoker's cold start (docs/benchmarks.md, issue 17):
        // an alarm read this way starts as fast as the hand-written one-pass reader it replaced, whereas typed records
        // in the AWS event packages' shapes (source-generated) cost ~1 ms more CPU and 1 MB more memory before the
        // first response, building the metadata a deserializer needs. A document also reads a mistyped member as null.
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            return NormaliseResult.Fail("unknown", $"normalise trigger: not JSON ({exception.Message}); {Expected}");
        }

        using (document)
        {
            try
            {
                return Checked(Dispatch(document.RootElement, options));
            }
            catch (Exception exception) when (IsShapeError(exception))
            {
                return ShapeError(exception);
            }
        }
    }

    // A shape no normaliser foresaw must still end as an error the caller can act on, not a crash.
    private static bool IsShapeError(Exception exception) =>
        exception is InvalidOperationException or FormatException or ArgumentException or OverflowException;

    private static NormaliseResult ShapeError(Exception exception) =>
        NormaliseResult.Fail("unknown", $"normalise trigger: {exception.GetType().Name}: {exception.Message}; {Expected}");

    private static NormaliseResult Dispatch(JsonElement root, NormaliserOptions options)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return DirectNormaliser.Normalise(root);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return NormaliseResult.Fail("unknown", $"normalise trigger: got a JSON {root.ValueKind.ToString().ToLowerInvariant()}; {Expected}");
        }

        if (Json.At(root, "awslogs"u8) is not null)
        {
            return LogsNormaliser.Normalise(root, options);
        }

        if (Json.Str(root, "detail-type"u8) is { } detailType && Json.Str(root, "source"u8) is { } source && Json.At(root, "detail"u8) is not null)
        {
            return (detailType, source) switch
            {
                (AlarmNormaliser.DetailType, AlarmNormaliser.Source) => AlarmNormaliser.Normalise(AlarmEvent.From(root), options),
                (CustomAppNormaliser.DetailType, _) => CustomAppNormaliser.Normalise(root),
                _ => GenericEventNormaliser.Normalise(root, options),
            };
        }

        return Json.At(root, "schemaVersion") is not null
            ? DirectNormaliser.Normalise(root)
            : NormaliseResult.Fail("unknown", $"normalise trigger: not a kind this function knows; {Expected}");
    }

    /// <summary>
    /// A normaliser bug must not send a bad alert: every alert a normaliser built is checked against the contract. Alerts
    /// the contract's reader itself returned (direct requests, custom-app events) were checked as they were read.
    /// </summary>
    private static NormaliseResult Checked(NormaliseResult result)
    {
        if (result.ReadThroughContract)
        {
            return result;
        }

        List<AlertProblem>? problems = null;
        for (var index = 0; index < result.Alerts.Count; index++)
        {
            foreach (var problem in AlertValidator.Validate(result.Alerts[index]))
            {
                (problems ??= []).Add(problem with { Path = $"$[{index}]{problem.Path[1..]}" });
            }
        }

        return problems is null
            ? result
            : NormaliseResult.Fail(result.TriggerKind, $"normalise {result.TriggerKind} trigger: the alert it made breaks the contract", problems);
    }
}
