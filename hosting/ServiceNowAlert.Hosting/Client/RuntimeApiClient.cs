using System.Globalization;
using System.Net.Http.Headers;

namespace ServiceNowAlert.Hosting.Client;

/// <summary>
/// HTTP client for the Runtime API at <c>http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/</c>. The next-invocation call waits
/// as long as Lambda keeps the environment frozen, so the client has no timeout of its own.
/// </summary>
public sealed class RuntimeApiClient : IRuntimeApiClient, IDisposable
{
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;

    public RuntimeApiClient(string runtimeApi)
    {
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<RuntimeInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("runtime/invocation/next", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new RuntimeApiException($"get next invocation: the Runtime API answered {(int)response.StatusCode}");
        }

        var requestId = Header(response, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new RuntimeApiException("get next invocation: no Lambda-Runtime-Aws-Request-Id header");
        var deadlineMs = long.TryParse(Header(response, "Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? ms
            : throw new RuntimeApiException("get next invocation: no valid Lambda-Runtime-Deadline-Ms header");
        return new RuntimeInvocation(
            requestId,
            DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs),
            Header(response, "Lambda-Runtime-Invoked-Function-Arn") ?? string.Empty,
            Header(response, "Lambda-Runtime-Trace-Id"),
            Header(response, "Lambda-Runtime-Client-Context"),
            Header(response, "Lambda-Runtime-Cognito-Identity"),
            await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    public Task PostResponseAsync(string requestId, byte[] body, CancellationToken cancellationToken) =>
        PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/response", body, errorType: null, cancellationToken);

    public Task PostErrorAsync(string requestId, RuntimeError failure, CancellationToken cancellationToken) =>
        PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", failure.ToJson(), failure.ErrorType, cancellationToken);

    public Task PostInitErrorAsync(RuntimeError failure, CancellationToken cancellationToken) =>
        PostAsync("runtime/init/error", failure.ToJson(), failure.ErrorType, cancellationToken);

    public void Dispose() => _http.Dispose();

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private async Task PostAsync(string path, byte[] body, string? errorType, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(ErrorTypeHeader, errorType);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new RuntimeApiException($"post {path}: the Runtime API answered {(int)response.StatusCode}");
        }
    }
}
