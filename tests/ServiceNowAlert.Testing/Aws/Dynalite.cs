using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace ServiceNowAlert.Testing.Aws;

/// <summary>
/// A real DynamoDB API for the tests: dynalite (tests/dynamodb-harness, an implementation of DynamoDB's API on
/// LevelDB), in memory on 127.0.0.1 and a free port, so condition expressions are judged by someone other than us.
/// Tables are made as cloudformation/callee.yaml makes the idempotency table (a string hash key <c>id</c>).
/// The harness adds one thing dynalite lacks, ReturnValuesOnConditionCheckFailure (see its server.js).
/// </summary>
public sealed class Dynalite : IAsyncDisposable
{
    private readonly NodeServer _server;
    private readonly AmazonDynamoDBClient _client;

    private Dynalite(NodeServer server)
    {
        _server = server;
        ServiceUrl = new Uri($"http://127.0.0.1:{server.Ready.GetProperty("port").GetInt32()}/");
        _client = new AmazonDynamoDBClient(new BasicAWSCredentials("AKIDTEST", "test-secret"), new AmazonDynamoDBConfig { ServiceURL = ServiceUrl.ToString(), AuthenticationRegion = "eu-west-1" });
    }

    public Uri ServiceUrl { get; }

    public static async Task<Dynalite> StartAsync(params string[] tables)
    {
        var dynalite = new Dynalite(await NodeServer.StartAsync("dynamodb-harness"));
        foreach (var table in tables)
        {
            await dynalite.CreateTableAsync(table);
        }

        return dynalite;
    }

    /// <summary>A consistent read of one item's attributes as name → string value (S or N), or null when absent.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> ItemAsync(string table, string key)
    {
        var response = await _client.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new Dictionary<string, AttributeValue> { ["id"] = new() { S = key } },
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item
            ? item.ToDictionary(pair => pair.Key, pair => pair.Value.S ?? pair.Value.N, StringComparer.Ordinal)
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private async Task CreateTableAsync(string table)
    {
        await _client.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
        });

        // The harness makes tables with no creation delay, but DynamoDB's API still passes through CREATING.
        while ((await _client.DescribeTableAsync(table)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(10);
        }
    }
}
