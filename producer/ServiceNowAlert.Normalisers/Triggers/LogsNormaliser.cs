using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Normalisers;

/// <summary>
/// CloudWatch Logs subscription payloads (<c>{"awslogs":{"data":"base64 gzip"}}</c>). A CONTROL_MESSAGE is ignored; a
/// DATA_MESSAGE of any size becomes one alert for its log group and stream, with the count, first and last times and
/// a bounded excerpt that says how much was left out.
/// </summary>
internal static class LogsNormaliser
{
    public static NormaliseResult Normalise(JsonElement payload, NormaliserOptions options)
    {
        var data = Json.Str(payload, "awslogs", "data");
        byte[] json;
        try
        {
            json = Decompress(Convert.FromBase64String(data ?? string.Empty), options.MaxDecompressedLogBytes);
        }
        catch (Exception exception) when (exception is FormatException or InvalidDataException or IOException)
        {
            return NormaliseResult.Fail("cloudwatch-logs", $"normalise CloudWatch Logs payload: awslogs.data is not base64 gzip: {exception.Message}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            return NormaliseResult.Fail("cloudwatch-logs", $"normalise CloudWatch Logs payload: the decompressed data is not JSON: {exception.Message}");
        }

        using (document)
        {
            return FromMessage(document.RootElement, options);
        }
    }

    private static NormaliseResult FromMessage(JsonElement message, NormaliserOptions options)
    {
        var type = Json.Str(message, "messageType");
        if (type == "CONTROL_MESSAGE")
        {
            return new NormaliseResult { TriggerKind = "cloudwatch-logs", Notes = ["skip CloudWatch Logs CONTROL_MESSAGE: it only checks that the destination is reachable"] };
        }

        if (type != "DATA_MESSAGE")
        {
            return NormaliseResult.Fail("cloudwatch-logs", $"normalise CloudWatch Logs payload: messageType must be DATA_MESSAGE or CONTROL_MESSAGE; got '{type}'");
        }

        var group = Json.Str(message, "logGroup") ?? "unknown-log-group";
        var stream = Json.Str(message, "logStream") ?? "unknown-log-stream";
        var owner = Json.Str(message, "owner");
        var filter = string.Join(",", Json.Array(message, "subscriptionFilters").Select(Json.SafeString).Where(name => name is not null));
        var events = Json.Array(message, "logEvents").ToList();
        if (events.Count == 0)
        {
            return new NormaliseResult { TriggerKind = "cloudwatch-logs", Notes = [$"skip CloudWatch Logs DATA_MESSAGE for {group}: no log events"] };
        }

        long first = long.MaxValue, last = long.MinValue;
        foreach (var logEvent in events)
        {
            if (Json.At(logEvent, "timestamp") is { ValueKind: JsonValueKind.Number } stamp && stamp.TryGetInt64(out var ms))
            {
                first = Math.Min(first, ms);
                last = Math.Max(last, ms);
            }
        }

        var shown = Math.Min(events.Count, Math.Min(options.MaxLogLines, AlertLimits.MaxLogLines));
        var excerpt = events.Take(shown).Select(logEvent => Text.SingleLine(Json.Str(logEvent, "message"), AlertLimits.MaxLogLineLength)).ToList();
        var firstTime = first == long.MaxValue ? DateTimeOffset.UnixEpoch : DateTimeOffset.FromUnixTimeMilliseconds(first);
        var lastTime = last == long.MinValue ? firstTime : DateTimeOffset.FromUnixTimeMilliseconds(last);
        var region = options.Region;
        var details = new OrderedDictionary<string, string>
        {
            ["log_group"] = Text.MultiLine(group, AlertLimits.MaxDetailValueLength),
            ["log_stream"] = Text.MultiLine(stream, AlertLimits.MaxDetailValueLength),
            ["subscription_filter"] = Text.MultiLine(filter, AlertLimits.MaxDetailValueLength),
            ["event_count"] = events.Count.ToString(CultureInfo.InvariantCulture),
            ["first_event"] = firstTime.ToString("O", CultureInfo.InvariantCulture),
            ["last_event"] = lastTime.ToString("O", CultureInfo.InvariantCulture),
            ["events_left_out_of_excerpt"] = (events.Count - shown).ToString(CultureInfo.InvariantCulture),
        };
        var request = new AlertRequest
        {
            AlertId = "logs-" + Text.Hash(group, stream, Json.Str(events[0], "id"), events.Count.ToString(CultureInfo.InvariantCulture)),
            CorrelationKey = Text.Key($"logs:{group}:{stream}:{filter}"),
            Status = AlertStatus.Firing,
            Severity = options.DefaultSeverity,
            Source = "aws.logs",
            Title = Text.SingleLine($"{events.Count} log event{(events.Count == 1 ? string.Empty : "s")} matched {(filter.Length > 0 ? filter : "the subscription filter")} in {group}", AlertLimits.MaxTitleLength),
            Description = Text.MultiLine(
                $"{events.Count} events in {group} / {stream} between {firstTime:yyyy-MM-dd HH:mm:ss.fff} and {lastTime:yyyy-MM-dd HH:mm:ss.fff} UTC. " +
                (events.Count > shown ? $"The excerpt shows the first {shown}; {events.Count - shown} are left out." : "The excerpt shows all of them."),
                AlertLimits.MaxDescriptionLength),
            ConfigurationItem = Text.SingleLine(group, AlertLimits.MaxConfigurationItemLength),
            Account = AwsIdentifiers.IsAccountId(owner) ? owner : null,
            Region = AwsIdentifiers.IsRegion(region) ? region : null,
            OccurredAt = firstTime,
            Resources = owner is null || region is null ? [] : [Text.SingleLine($"arn:aws:logs:{region}:{owner}:log-group:{group}", AlertLimits.MaxResourceLength)],
            Details = details,
            LogExcerpt = excerpt,
        };
        return new NormaliseResult { TriggerKind = "cloudwatch-logs", Alerts = [request] };
    }

    private static byte[] Decompress(byte[] compressed, int limit)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (output.Length + read > limit)
            {
                throw new InvalidDataException($"it decompresses to more than {limit} bytes");
            }

            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }
}
