using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace ServiceNowAlert.Normalisers;

/// <summary>
/// The members of a "CloudWatch Alarm State Change" event that an alert is made from. Read in one pass from the bytes
/// (<see cref="TryRead"/>, the hot path: no document, no lookups), or from a parsed document (<see cref="From"/>, the
/// reference). Both give the same values, as a document lookup sees them: a repeated member counts its last value, a
/// string member holds a string's text or a number's or boolean's JSON text, anything else is null.
/// <c>AlarmEventTests</c> holds the alerts made from the two equal over mutated alarm events.
/// </summary>
internal sealed class AlarmEvent
{
    public string? Region { get; set; }

    public string? Account { get; set; }

    public string? Time { get; set; }

    public string? Id { get; set; }

    /// <summary>The first string in <c>resources</c> that names an alarm.</summary>
    public string? AlarmArn { get; set; }

    public string? AlarmName { get; set; }

    public string? StateValue { get; set; }

    public string? StateTimestamp { get; set; }

    public string? StateReason { get; set; }

    public string? StateReasonData { get; set; }

    /// <summary>
    /// <c>state.reasonData</c> already read from the event's own bytes by <see cref="TryRead"/>; when it is set,
    /// <see cref="StateReasonData"/> is null, and the text was never made a string.
    /// </summary>
    public ReasonData? StateReasonDataRead { get; set; }

    public string? PreviousStateValue { get; set; }

    public string? Description { get; set; }

    public string? AlarmRule { get; set; }

    public string? ThresholdMetricId { get; set; }

    /// <summary>Null when <c>configuration.metrics</c> is not an array.</summary>
    public List<AlarmMetric>? Metrics { get; set; }

    /// <summary>
    /// Reads the event when the bytes are one, as the dispatcher would route them: a JSON object without <c>awslogs</c>,
    /// with a <c>detail</c>, whose <c>detail-type</c> and <c>source</c> are the alarm's. False for anything else,
    /// including JSON that is not well-formed, so that the general path answers it.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out AlarmEvent? alarm)
    {
        alarm = null;
        var reader = new JsonCursor(utf8);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var read = new AlarmEvent();
            bool hasDetail = false, hasLogs = false, isAlarmType = false, isCloudWatch = false;
            while (JsonMembers.Next(ref reader, EnvelopeMembers, out var member))
            {
                switch (member)
                {
                    case 0:
                        hasDetail = true;
                        read.ReadDetail(ref reader);
                        break;
                    case 1: isAlarmType = JsonScalar.Is(ref reader, AlarmDetailType); break;
                    case 2: isCloudWatch = JsonScalar.Is(ref reader, AlarmSource); break;
                    case 3: read.Region = JsonScalar.Read(ref reader); break;
                    case 4: read.Account = JsonScalar.Read(ref reader); break;
                    case 5: read.Time = JsonScalar.Read(ref reader); break;
                    case 6: read.Id = JsonScalar.Read(ref reader); break;
                    case 7: read.AlarmArn = FirstAlarmArn(ref reader); break;
                    default:
                        hasLogs = true;
                        reader.Skip();
                        break;
                }
            }

            if (reader.Read() || !hasDetail || hasLogs || !isAlarmType || !isCloudWatch)
            {
                return false;
            }

            alarm = read;
            return true;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static readonly byte[] AlarmDetailType = Encoding.UTF8.GetBytes(AlarmNormaliser.DetailType);

    private static readonly byte[] AlarmSource = Encoding.UTF8.GetBytes(AlarmNormaliser.Source);

    private static readonly byte[][] EnvelopeMembers = JsonMembers.Names("detail", "detail-type", "source", "region", "account", "time", "id", "resources", "awslogs");

    private static readonly byte[][] DetailMembers = JsonMembers.Names("alarmName", "state", "configuration", "previousState");

    private static readonly byte[][] StateMembers = JsonMembers.Names("value", "timestamp", "reason", "reasonData");

    private static readonly byte[][] ConfigurationMembers = JsonMembers.Names("description", "alarmRule", "thresholdMetricId", "metrics");

    private static readonly byte[][] ValueMember = JsonMembers.Names("value");

    /// <summary>The same members from a parsed envelope.</summary>
    public static AlarmEvent From(JsonElement envelope)
    {
        var detail = Json.At(envelope, "detail"u8) ?? default;
        var state = Json.At(detail, "state"u8) ?? default;
        var configuration = Json.At(detail, "configuration"u8) ?? default;
        var alarm = new AlarmEvent
        {
            Region = Json.Str(envelope, "region"u8),
            Account = Json.Str(envelope, "account"u8),
            Time = Json.Str(envelope, "time"u8),
            Id = Json.Str(envelope, "id"u8),
            AlarmName = Json.Str(detail, "alarmName"u8),
            StateValue = Json.Str(state, "value"u8),
            StateTimestamp = Json.Str(state, "timestamp"u8),
            StateReason = Json.Str(state, "reason"u8),
            StateReasonData = Json.Str(state, "reasonData"u8),
            PreviousStateValue = Json.Str(Json.At(detail, "previousState"u8) ?? default, "value"u8),
            Description = Json.Str(configuration, "description"u8),
            AlarmRule = Json.Str(configuration, "alarmRule"u8),
            ThresholdMetricId = Json.Str(configuration, "thresholdMetricId"u8),
        };
        if (Json.At(envelope, "resources"u8) is { ValueKind: JsonValueKind.Array } resources)
        {
            alarm.AlarmArn = resources.EnumerateArray().Select(Json.SafeString).FirstOrDefault(IsAlarmArn);
        }

        if (Json.At(configuration, "metrics"u8) is { ValueKind: JsonValueKind.Array } metrics)
        {
            alarm.Metrics = [.. metrics.EnumerateArray().Select(AlarmMetric.From)];
        }

        return alarm;
    }

    private static bool IsAlarmArn([NotNullWhen(true)] string? resource) => resource is not null && resource.Contains(":alarm:", StringComparison.Ordinal);

    private static string? FirstAlarmArn(ref JsonCursor reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        string? found = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (found is null && reader.TokenType == JsonTokenType.String)
            {
                var text = JsonScalar.String(ref reader);
                found = IsAlarmArn(text) ? text : null;
            }
            else
            {
                reader.Skip();
            }
        }

        return found;
    }

    private void ReadDetail(ref JsonCursor reader)
    {
        // A later "detail" (or "state", "configuration") replaces an earlier one entirely, as in a document lookup.
        (AlarmName, PreviousStateValue) = (null, null);
        ClearState();
        ClearConfiguration();
        if (!JsonMembers.Enter(ref reader))
        {
            return;
        }

        while (JsonMembers.Next(ref reader, DetailMembers, out var member))
        {
            switch (member)
            {
                case 0: AlarmName = JsonScalar.Read(ref reader); break;
                case 1: ReadState(ref reader); break;
                case 2: ReadConfiguration(ref reader); break;
                default: PreviousStateValue = ReadValue(ref reader); break;
            }
        }
    }

    private static string? ReadValue(ref JsonCursor reader)
    {
        string? value = null;
        if (JsonMembers.Enter(ref reader))
        {
            while (JsonMembers.Next(ref reader, ValueMember, out _))
            {
                value = JsonScalar.Read(ref reader);
            }
        }

        return value;
    }

    private void ReadState(ref JsonCursor reader)
    {
        ClearState();
        if (!JsonMembers.Enter(ref reader))
        {
            return;
        }

        while (JsonMembers.Next(ref reader, StateMembers, out var member))
        {
            if (member == 3)
            {
                ReadReasonData(ref reader);
                continue;
            }

            var value = JsonScalar.Read(ref reader);
            switch (member)
            {
                case 0: StateValue = value; break;
                case 1: StateTimestamp = value; break;
                default: StateReason = value; break;
            }
        }
    }

    // The reasonData string holds a JSON document: unescaped straight into a buffer and read there. Only when that
    // document does not read is the text made a string (it then becomes a detail of its own).
    private void ReadReasonData(ref JsonCursor reader)
    {
        (StateReasonData, StateReasonDataRead) = (null, null);
        if (reader.TokenType != JsonTokenType.String)
        {
            StateReasonData = JsonScalar.Read(ref reader);
            return;
        }

        // Rented, not on the stack: a stack buffer is cleared first, which costs more than the unescaping.
        var buffer = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
        try
        {
            var unescaped = buffer.AsSpan(0, reader.CopyString(buffer));
            if (ReasonData.TryRead(unescaped, out var read))
            {
                StateReasonDataRead = read;
            }
            else
            {
                StateReasonData = Encoding.UTF8.GetString(unescaped);
            }
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate has no UTF-8 form: the member reads as no string, as JsonScalar.String has it.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void ReadConfiguration(ref JsonCursor reader)
    {
        ClearConfiguration();
        if (!JsonMembers.Enter(ref reader))
        {
            return;
        }

        while (JsonMembers.Next(ref reader, ConfigurationMembers, out var member))
        {
            switch (member)
            {
                case 0: Description = JsonScalar.Read(ref reader); break;
                case 1: AlarmRule = JsonScalar.Read(ref reader); break;
                case 2: ThresholdMetricId = JsonScalar.Read(ref reader); break;
                default: Metrics = AlarmMetric.ReadAll(ref reader); break;
            }
        }
    }

    private void ClearState() => (StateValue, StateTimestamp, StateReason, StateReasonData, StateReasonDataRead) = (null, null, null, null, null);

    private void ClearConfiguration() => (Description, AlarmRule, ThresholdMetricId, Metrics) = (null, null, null, null);
}
