using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServiceNowAlert.Testing.Http;

namespace ServiceNowAlert.Testing.Aws;

/// <summary>
/// DynamoDB faked at the HTTP boundary: a real loopback endpoint speaking the JSON 1.0 protocol for PutItem, GetItem
/// and DeleteItem, with condition expressions evaluated as DynamoDB does (for the grammar in
/// <see cref="ConditionExpression"/>). One instance can be shared by several processes, so idempotency can be proven
/// across instances. <see cref="Unavailable"/> and <see cref="Delay"/> script outages.
/// </summary>
public sealed class FakeDynamoDb : IAsyncDisposable
{
    private const string ErrorPrefix = "com.amazonaws.dynamodb.v20120810#";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, JsonObject>> _tables = new(StringComparer.Ordinal);
    private readonly LoopbackHttpServer _server;

    public FakeDynamoDb(params string[] tables)
    {
        foreach (var table in tables)
        {
            _tables[table] = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        }

        _server = new LoopbackHttpServer(Answer);
    }

    public Uri BaseUri => _server.BaseUri;

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    /// <summary>When set, every call answers 500 InternalServerError, as during a regional outage.</summary>
    public bool Unavailable { get; set; }

    /// <summary>Added before each answer, to make the store slower than its callers' patience.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The operations (the X-Amz-Target suffix) in the order they arrived.</summary>
    public IReadOnlyList<string> Operations => [.. Requests.Select(request => (request.Header("X-Amz-Target") ?? string.Empty).Split('.')[^1])];

    /// <summary>A copy of one item's attributes as name → string value (S or N), or null when absent.</summary>
    public IReadOnlyDictionary<string, string>? Item(string table, string key)
    {
        lock (_gate)
        {
            return _tables[table].TryGetValue(key, out var item)
                ? item.ToDictionary(pair => pair.Key, pair => Scalar(pair.Value!), StringComparer.Ordinal)
                : null;
        }
    }

    /// <summary>Puts an item directly, as an earlier attempt or another instance would have left it.</summary>
    public void Seed(string table, string key, IReadOnlyDictionary<string, string> attributes)
    {
        var item = new JsonObject { ["id"] = new JsonObject { ["S"] = key } };
        foreach (var (name, value) in attributes)
        {
            item[name] = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && name.EndsWith("At", StringComparison.Ordinal)
                ? new JsonObject { ["N"] = value }
                : new JsonObject { ["S"] = value };
        }

        lock (_gate)
        {
            _tables[table][key] = item;
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private CannedResponse Answer(RecordedRequest request)
    {
        var delay = Delay;
        if (Unavailable)
        {
            return Error(500, "InternalServerError", "Internal server error") with { Delay = delay };
        }

        try
        {
            var operation = (request.Header("X-Amz-Target") ?? string.Empty).Split('.')[^1];
            var body = JsonNode.Parse(request.Body)!.AsObject();
            lock (_gate)
            {
                return (operation switch
                {
                    "PutItem" => PutItem(body),
                    "GetItem" => GetItem(body),
                    "DeleteItem" => DeleteItem(body),
                    _ => Error(400, "UnknownOperationException", $"operation {operation} is not faked"),
                }) with { Delay = delay };
            }
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return Error(400, "ValidationException", exception.Message);
        }
    }

    private CannedResponse PutItem(JsonObject body)
    {
        if (!TryTable(body, out var table, out var missing))
        {
            return missing;
        }

        var item = body["Item"]!.AsObject();
        var key = KeyOf(item);
        table.TryGetValue(key, out var existing);
        if (!Holds(body, existing))
        {
            return ConditionFailed(body, existing);
        }

        table[key] = (JsonObject)item.DeepClone();
        return Ok(new JsonObject());
    }

    private CannedResponse GetItem(JsonObject body)
    {
        if (!TryTable(body, out var table, out var missing))
        {
            return missing;
        }

        var answer = new JsonObject();
        if (table.TryGetValue(KeyOf(body["Key"]!.AsObject()), out var item))
        {
            answer["Item"] = item.DeepClone();
        }

        return Ok(answer);
    }

    private CannedResponse DeleteItem(JsonObject body)
    {
        if (!TryTable(body, out var table, out var missing))
        {
            return missing;
        }

        var key = KeyOf(body["Key"]!.AsObject());
        table.TryGetValue(key, out var existing);
        if (!Holds(body, existing))
        {
            return ConditionFailed(body, existing);
        }

        table.Remove(key);
        return Ok(new JsonObject());
    }

    private bool TryTable(JsonObject body, out Dictionary<string, JsonObject> table, out CannedResponse missing)
    {
        var name = body["TableName"]?.GetValue<string>() ?? string.Empty;
        if (_tables.TryGetValue(name, out table!))
        {
            missing = null!;
            return true;
        }

        missing = Error(400, "ResourceNotFoundException", $"Requested resource not found: Table: {name} not found");
        return false;
    }

    private static bool Holds(JsonObject body, JsonObject? existing)
    {
        var expression = body["ConditionExpression"]?.GetValue<string>();
        if (expression is null)
        {
            return true;
        }

        var names = body["ExpressionAttributeNames"]?.AsObject().ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>(), StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var values = body["ExpressionAttributeValues"]?.AsObject().ToDictionary(pair => pair.Key, pair => pair.Value!.AsObject(), StringComparer.Ordinal)
            ?? new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        return ConditionExpression.Evaluate(expression, existing, names, values);
    }

    private static CannedResponse ConditionFailed(JsonObject body, JsonObject? existing)
    {
        var error = new JsonObject
        {
            ["__type"] = ErrorPrefix + "ConditionalCheckFailedException",
            ["message"] = "The conditional request failed",
        };
        if (existing is not null && body["ReturnValuesOnConditionCheckFailure"]?.GetValue<string>() == "ALL_OLD")
        {
            error["Item"] = existing.DeepClone();
        }

        return new CannedResponse(400, error.ToJsonString(), "application/x-amz-json-1.0");
    }

    private static string KeyOf(JsonObject item) => item["id"]?["S"]?.GetValue<string>() ?? throw new InvalidOperationException("One or more parameter values were invalid: Missing the key id in the item");

    private static string Scalar(JsonNode value) => value["S"]?.GetValue<string>() ?? value["N"]?.GetValue<string>() ?? value.ToJsonString();

    private static CannedResponse Ok(JsonObject body) => new(200, body.ToJsonString(), "application/x-amz-json-1.0");

    private static CannedResponse Error(int status, string type, string message) =>
        new(status, new JsonObject { ["__type"] = ErrorPrefix + type, ["message"] = message }.ToJsonString(), "application/x-amz-json-1.0");
}
