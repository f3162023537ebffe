using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;

namespace ServiceNowAlert.AwsClients;

/// <summary>
/// <c>POST /2015-03-31/functions/{arn}/invocations</c>, RequestResponse, SigV4-signed for <c>lambda</c> with the caller's
/// (assumed) credentials, sent to the endpoint <see cref="ServiceEndpoint"/> resolves. Network errors surface as
/// exceptions; every HTTP answer, error or not, is returned.
/// </summary>
public sealed class LambdaInvokeClient(HttpClient http, string region, Uri? endpoint, TimeProvider time) : IFunctionInvoker
{
    /// <summary>Lambda's synchronous request payload limit.</summary>
    public const int MaxPayloadBytes = 6 * 1024 * 1024;

    private readonly Uri _endpoint = ServiceEndpoint.Resolve(AwsService.Lambda, region, endpoint);

    public async Task<FunctionInvocation> InvokeAsync(string functionArn, byte[] payload, AWSCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Length > MaxPayloadBytes)
        {
            throw new ArgumentException($"invoke {functionArn}: the payload is {payload.Length} bytes; Lambda takes at most {MaxPayloadBytes}", nameof(payload));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_endpoint, $"2015-03-31/functions/{Uri.EscapeDataString(functionArn)}/invocations"))
        {
            Content = new ByteArrayContent(payload),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Invocation-Type", "RequestResponse");
        request.Headers.TryAddWithoutValidation("X-Amz-Log-Type", "None");
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        SigV4RequestSigner.Sign(request, payload, credentials, region, AwsService.Lambda.EndpointPrefix, time.GetUtcNow());
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var functionError = response.Headers.TryGetValues("X-Amz-Function-Error", out var values) ? values.FirstOrDefault() : null;
        return new FunctionInvocation((int)response.StatusCode, functionError, body, RetryAfter(response, body));
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, byte[] body)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if ((int)response.StatusCode != 429 || body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("retryAfterSeconds", out var seconds) &&
                double.TryParse(seconds.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? TimeSpan.FromSeconds(value)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
