using System.Net.Http.Headers;
using System.Text.Json;
using Amazon.Runtime;

namespace ServiceNowAlert.AwsClients;

/// <summary>
/// EventBridge PutEvents over AWS JSON 1.1 (<c>X-Amz-Target: AWSEvents.PutEvents</c>), SigV4-signed for <c>events</c>,
/// sent to the endpoint <see cref="ServiceEndpoint"/> resolves.
/// An HTTP failure throws; per-entry failures come back as outcomes so the caller retries only those entries.
/// </summary>
public sealed class EventBridgePublisher(HttpClient http, string region, Uri? endpoint, Func<CancellationToken, Task<AWSCredentials>> credentials, TimeProvider time) : IEventPublisher
{
    public const int MaxEntriesPerCall = 10;
    private static readonly MediaTypeHeaderValue AmzJson = new("application/x-amz-json-1.1");
    private readonly Uri _endpoint = ServiceEndpoint.Resolve(AwsService.EventBridge, region, endpoint);

    public async Task<IReadOnlyList<EventEntryOutcome>> PutEventsAsync(IReadOnlyList<EventEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count is 0 or > MaxEntriesPerCall)
        {
            throw new ArgumentException($"put events: between 1 and {MaxEntriesPerCall} entries per call; got {entries.Count}", nameof(entries));
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(
            new PutEventsRequest([.. entries.Select(entry => new PutEventsRequestEntry(entry.Source, entry.DetailType, entry.Detail, entry.EventBusName, [.. entry.Resources]))]),
            PutEventsJsonContext.Default.PutEventsRequest);
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = AmzJson;
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSEvents.PutEvents");
        SigV4RequestSigner.Sign(request, body, await credentials(cancellationToken), region, AwsService.EventBridge.EndpointPrefix, time.GetUtcNow());
        using var response = await http.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"put events: EventBridge answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(answer, 0, Math.Min(answer.Length, 300))}", null, response.StatusCode);
        }

        PutEventsResponse? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(answer, PutEventsJsonContext.Default.PutEventsResponse);
        }
        catch (JsonException exception)
        {
            throw new HttpRequestException($"put events: the answer is not PutEvents JSON: {exception.Message}", exception);
        }

        var results = parsed?.Entries ?? [];
        return results.Count == entries.Count
            ? [.. results.Select(result => new EventEntryOutcome(result.EventId, result.ErrorCode, result.ErrorMessage))]
            : throw new HttpRequestException($"put events: {entries.Count} entries sent but {results.Count} results came back");
    }
}
