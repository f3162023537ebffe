using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServiceNowAlert.Contracts.Validation;

/// <summary>
/// Reads a request's JSON object into an <see cref="AlertRequest"/>, judging only what the JSON form alone can get
/// wrong: a value of the wrong type, an unpaired surrogate escape, an enum name or a timestamp's text, a missing status,
/// severity or occurredAt. A value it cannot read is left null (a collection empty) and its problem recorded at its
/// path, for <see cref="AlertRequestRules"/> to report when it reaches that field. JSON null reads as absent; unknown
/// members are ignored.
/// </summary>
internal static partial class JsonRequestReader
{
    private static readonly JsonEnumNames<AlertStatus> Statuses = new(AlertJsonContext.Default.AlertStatus);

    private static readonly JsonEnumNames<AlertSeverity> Severities = new(AlertJsonContext.Default.AlertSeverity);

    public static AlertRequest Read(JsonElement root, ProblemCollector problems) => new()
    {
        SchemaVersion = Member(root, JsonPath.Root, "schemaVersion", problems)!,
        AlertId = Member(root, JsonPath.Root, "alertId", problems)!,
        CorrelationKey = Member(root, JsonPath.Root, "correlationKey", problems)!,
        Status = EnumMember(root, "status", Statuses, problems),
        Severity = EnumMember(root, "severity", Severities, problems),
        Source = Member(root, JsonPath.Root, "source", problems)!,
        Title = Member(root, JsonPath.Root, "title", problems)!,
        Description = Member(root, JsonPath.Root, "description", problems),
        Application = Member(root, JsonPath.Root, "application", problems),
        ConfigurationItem = Member(root, JsonPath.Root, "configurationItem", problems),
        Environment = Member(root, JsonPath.Root, "environment", problems),
        Account = Member(root, JsonPath.Root, "account", problems),
        Region = Member(root, JsonPath.Root, "region", problems),
        OccurredAt = OccurredAt(root, problems),
        Resources = Strings(root, "resources", problems),
        Links = Links(root, problems),
        Details = Details(root, problems),
        LogExcerpt = Strings(root, "logExcerpt", problems),
        Producer = Producer(root, problems),
        Route = Member(root, JsonPath.Root, "route", problems),
    };

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>The member's value unless it is absent or JSON null.</summary>
    private static JsonElement? Present(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? Member(JsonElement parent, string parentPath, string name, ProblemCollector problems) =>
        Present(parent, name) is { } value ? String(value, problems, JsonPath.Property(parentPath, name), name) : null;

    private static string? String(JsonElement value, ProblemCollector problems, string path, string label)
    {
        var text = String(value);
        if (text is null)
        {
            Explain(value, problems, path, label);
        }

        return text;
    }

    private static string? String(JsonElement value)
    {
        try
        {
            return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (InvalidOperationException)
        {
            // A string escape that is not valid UTF-16, such as a lone "\ud800".
            return null;
        }
    }

    private static void Explain(JsonElement value, ProblemCollector problems, string path, string label)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            problems.Add(path, AlertProblemCodes.BadFormat, $"{label} is not valid Unicode (it holds an unpaired surrogate escape)");
        }
        else
        {
            problems.Add(path, AlertProblemCodes.WrongType, $"{label} must be a string, not {Describe(value.ValueKind)}");
        }
    }

    /// <summary>The text of a member the object holds as another type; its text is judged as a single-line string.</summary>
    private static string? RequiredText(JsonElement root, string name, int maxLength, ProblemCollector problems)
    {
        var path = JsonPath.Property(JsonPath.Root, name);
        if (Present(root, name) is not { } value)
        {
            problems.Add(path, AlertProblemCodes.Required, $"{name} is required");
            return null;
        }

        return String(value, problems, path, name) is { } text ? new FieldRules(problems).Text(text, path, name, maxLength, TextKind.SingleLine) : null;
    }

    private static TEnum EnumMember<TEnum>(JsonElement root, string name, JsonEnumNames<TEnum> names, ProblemCollector problems)
        where TEnum : struct, Enum
    {
        var text = RequiredText(root, name, 32, problems);
        if (text is null)
        {
            return default;
        }

        if (names.TryParse(text, out var value))
        {
            return value;
        }

        problems.Add(JsonPath.Property(JsonPath.Root, name), AlertProblemCodes.NotAllowed, $"{name} must be one of {names.Allowed}; got '{text}'");
        return default;
    }

    private static DateTimeOffset OccurredAt(JsonElement root, ProblemCollector problems)
    {
        var text = RequiredText(root, "occurredAt", 40, problems);
        if (text is null)
        {
            return default;
        }

        if (TimestampPattern().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var occurredAt))
        {
            return occurredAt.ToUniversalTime();
        }

        problems.Add("$.occurredAt", AlertProblemCodes.BadFormat, $"occurredAt must be an RFC 3339 UTC timestamp such as 2026-11-25T03:00:00Z; got '{text}'");
        return default;
    }

    private static JsonElement? Container(JsonElement root, string name, JsonValueKind kind, ProblemCollector problems)
    {
        var value = Present(root, name);
        if (value is null || value.Value.ValueKind == kind)
        {
            return value;
        }

        problems.Add(JsonPath.Property(JsonPath.Root, name), AlertProblemCodes.WrongType, $"{name} must be {Describe(kind)}, not {Describe(value.Value.ValueKind)}");
        return null;
    }

    private static List<string> Strings(JsonElement root, string name, ProblemCollector problems)
    {
        if (Container(root, name, JsonValueKind.Array, problems) is not { } array)
        {
            return [];
        }

        var values = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            var text = String(item);
            if (text is null)
            {
                Explain(item, problems, JsonPath.Index(JsonPath.Property(JsonPath.Root, name), values.Count), $"{name} entry");
            }

            values.Add(text!);
        }

        return values;
    }

    private static List<AlertLink> Links(JsonElement root, ProblemCollector problems)
    {
        if (Container(root, "links", JsonValueKind.Array, problems) is not { } array)
        {
            return [];
        }

        var links = new List<AlertLink>(array.GetArrayLength());
        foreach (var link in array.EnumerateArray())
        {
            var path = JsonPath.Index("$.links", links.Count);
            if (link.ValueKind != JsonValueKind.Object)
            {
                problems.Add(path, AlertProblemCodes.WrongType, $"a link must be an object with title and url, not {Describe(link.ValueKind)}");
                links.Add(null!);
                continue;
            }

            links.Add(new AlertLink(Member(link, path, "title", problems)!, Member(link, path, "url", problems)!));
        }

        return links;
    }

    private static AlertProducer? Producer(JsonElement root, ProblemCollector problems)
    {
        if (Container(root, "producer", JsonValueKind.Object, problems) is not { } producer)
        {
            return null;
        }

        // A missing account is left null for the rules to call required.
        return new AlertProducer(Member(producer, "$.producer", "account", problems)!, Member(producer, "$.producer", "name", problems));
    }

    private static OrderedDictionary<string, string> Details(JsonElement root, ProblemCollector problems)
    {
        if (Container(root, "details", JsonValueKind.Object, problems) is not { } details)
        {
            return [];
        }

        var read = new OrderedDictionary<string, string>();
        foreach (var detail in details.EnumerateObject())
        {
            var text = String(detail.Value);
            if (text is null)
            {
                Explain(detail.Value, problems, JsonPath.Property("$.details", detail.Name), $"detail '{detail.Name}'");
            }

            // A repeated name is already refused as a duplicate; its first value stands for it here.
            read.TryAdd(detail.Name, text!);
        }

        return read;
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?(Z|\+00:00)$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();
}
