using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using ServiceNowAlert.Testing.Http;

namespace ServiceNowAlert.Testing.Aws;

/// <summary>
/// A thin HTTP proxy in front of <see cref="Dynalite"/> for one test: it records every request and scripts the outages
/// a real endpoint has and dynalite cannot (<see cref="Unavailable"/>, <see cref="Delay"/>). Every answer otherwise is
/// dynalite's own.
/// </summary>
public sealed class DynamoDbProxy : IAsyncDisposable
{
    private const string JsonProtocol = "application/x-amz-json-1.0";
    private static readonly HashSet<string> NotForwarded = new(["Host", "Content-Length", "Content-Type", "Connection", "Expect"], StringComparer.OrdinalIgnoreCase);
    private readonly Uri _target;
    private readonly HttpClient _forwarder = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly LoopbackHttpServer _server;

    public DynamoDbProxy(Dynalite target)
    {
        _target = target.ServiceUrl;
        _server = new LoopbackHttpServer(ForwardAsync);
    }

    public Uri BaseUri => _server.BaseUri;

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    /// <summary>The operations (the X-Amz-Target suffix) in the order they arrived.</summary>
    public IReadOnlyList<string> Operations => [.. Requests.Select(request => (request.Header("X-Amz-Target") ?? string.Empty).Split('.')[^1])];

    /// <summary>The error (the <c>__type</c> suffix, e.g. ConditionalCheckFailedException) of each call dynalite refused, in order.</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    /// <summary>When set, every call answers 500 InternalServerError, as during a regional outage.</summary>
    public bool Unavailable { get; set; }

    /// <summary>Added before each answer, to make the store slower than its callers' patience.</summary>
    public TimeSpan Delay { get; set; }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _forwarder.Dispose();
    }

    private async Task<CannedResponse> ForwardAsync(RecordedRequest request)
    {
        var delay = Delay;
        if (Unavailable)
        {
            return new CannedResponse(500, """{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}""", JsonProtocol) { Delay = delay };
        }

        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_target, request.Path)) { Content = new ByteArrayContent(request.Body) };
        forward.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.Header("Content-Type") ?? JsonProtocol);
        foreach (var (name, value) in request.Headers.Where(header => !NotForwarded.Contains(header.Key)))
        {
            forward.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _forwarder.SendAsync(forward);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            using var error = JsonDocument.Parse(body);
            _errors.Enqueue((error.RootElement.GetProperty("__type").GetString() ?? string.Empty).Split('#')[^1]);
        }

        return new CannedResponse((int)response.StatusCode, body, JsonProtocol) { Delay = delay };
    }
}
