using System.Collections.Concurrent;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace ServiceNowAlert.Alerting.Idempotency;

/// <summary>
/// Idempotency shared by every instance, in one DynamoDB table keyed by <c>id</c> (the alertId).
/// <list type="bullet">
/// <item>Claim: a conditional PutItem of <c>state = in-progress</c> that succeeds only when there is no record, the
/// record's claim has lapsed (its attempt passed its deadline, so it is dead), or the record has outlived its TTL
/// (DynamoDB deletes expired items lazily, so expiry is checked here too).</item>
/// <item>Complete: <c>state = sent</c> with the Message-ID and <c>expiresAt</c> (the table's TTL attribute).</item>
/// <item>Release: deletes the record only if it is still this instance's own in-progress claim.</item>
/// </list>
/// A claim that loses the race answers from the old item DynamoDB returns with the failure, so one call decides.
/// </summary>
public sealed class DynamoDbIdempotencyStore(IAmazonDynamoDB dynamoDb, string tableName, TimeSpan retention, TimeProvider time) : IIdempotencyStore
{
    private const string InProgress = "in-progress";
    private const string Sent = "sent";

    // The owner token of each claim this instance holds, so a release can never delete another attempt's claim.
    private readonly ConcurrentDictionary<string, string> _held = new(StringComparer.Ordinal);

    public async Task<(IdempotencyClaim Claim, string? MessageId)> TryClaimAsync(string alertId, DateTimeOffset claimExpires, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var owner = Guid.NewGuid().ToString("N");
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = new Dictionary<string, AttributeValue>
            {
                ["id"] = new() { S = alertId },
                ["state"] = new() { S = InProgress },
                ["owner"] = new() { S = owner },
                ["claimExpiresAt"] = Number(claimExpires),
                ["expiresAt"] = Number(now + retention),
            },
            ConditionExpression = "attribute_not_exists(id) OR (#state = :inProgress AND claimExpiresAt < :now) OR expiresAt < :now",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#state"] = "state" },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":inProgress"] = new() { S = InProgress },
                [":now"] = Number(now),
            },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };

        Dictionary<string, AttributeValue>? old;
        try
        {
            await dynamoDb.PutItemAsync(request, cancellationToken);
            _held[alertId] = owner;
            return (IdempotencyClaim.Claimed, null);
        }
        catch (ConditionalCheckFailedException taken)
        {
            old = taken.Item;
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            throw Failure("claim", alertId, exception);
        }

        try
        {
            old ??= await ReadAsync(alertId, cancellationToken);
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            throw Failure("read", alertId, exception);
        }

        return old is not null && Text(old, "state") == Sent
            ? (IdempotencyClaim.AlreadySent, Text(old, "messageId"))
            : (IdempotencyClaim.InProgress, null);
    }

    public async Task CompleteAsync(string alertId, string messageId, CancellationToken cancellationToken)
    {
        _held.TryRemove(alertId, out _);
        var now = time.GetUtcNow();
        try
        {
            await dynamoDb.PutItemAsync(
                new PutItemRequest
                {
                    TableName = tableName,
                    Item = new Dictionary<string, AttributeValue>
                    {
                        ["id"] = new() { S = alertId },
                        ["state"] = new() { S = Sent },
                        ["messageId"] = new() { S = messageId },
                        ["sentAt"] = Number(now),
                        ["expiresAt"] = Number(now + retention),
                    },
                },
                cancellationToken);
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            throw Failure("record as sent", alertId, exception);
        }
    }

    public async Task ReleaseAsync(string alertId, CancellationToken cancellationToken)
    {
        if (!_held.TryRemove(alertId, out var owner))
        {
            return;
        }

        try
        {
            await dynamoDb.DeleteItemAsync(
                new DeleteItemRequest
                {
                    TableName = tableName,
                    Key = new Dictionary<string, AttributeValue> { ["id"] = new() { S = alertId } },
                    ConditionExpression = "#state = :inProgress AND #owner = :owner",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#state"] = "state", ["#owner"] = "owner" },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                    {
                        [":inProgress"] = new() { S = InProgress },
                        [":owner"] = new() { S = owner },
                    },
                },
                cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // Our claim lapsed and another attempt holds the record now: it is theirs to finish.
        }
        catch (Exception exception) when (IsStoreFailure(exception))
        {
            throw Failure("release", alertId, exception);
        }
    }

    private async Task<Dictionary<string, AttributeValue>?> ReadAsync(string alertId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(
            new GetItemRequest
            {
                TableName = tableName,
                Key = new Dictionary<string, AttributeValue> { ["id"] = new() { S = alertId } },
                ConsistentRead = true,
            },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    private static AttributeValue Number(DateTimeOffset instant) =>
        new() { N = instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };

    private static string? Text(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    // The SDK reports its own call timeout (the client's Timeout) as a TimeoutException, not as a cancellation.
    private static bool IsStoreFailure(Exception exception) =>
        exception is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or OperationCanceledException or TimeoutException;

    private IdempotencyStoreException Failure(string action, string alertId, Exception exception)
    {
        var code = exception is AmazonServiceException service ? service.ErrorCode ?? service.StatusCode.ToString() : exception.GetType().Name;
        return new IdempotencyStoreException($"{action} alert {alertId} in idempotency table {tableName}: {code}", exception);
    }
}
