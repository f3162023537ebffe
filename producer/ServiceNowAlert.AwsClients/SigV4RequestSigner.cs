using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace ServiceNowAlert.AwsClients;

/// <summary>Signs an outgoing request with AWS Signature Version 4 using AWSSDK.Core's public signer.</summary>
public static class SigV4RequestSigner
{
    public static void Sign(HttpRequestMessage request, byte[] body, AWSCredentials credentials, string region, string service, DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signing = new AWSSigningRequest { HttpMethod = request.Method, RequestUri = request.RequestUri!, Content = body };
        foreach (var header in request.Headers)
        {
            signing.Headers[header.Key] = string.Join(",", header.Value);
        }

        var result = AWSSigV4Signer.Sign(signing, new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.GetBySystemName(region),
            Service = service,
            SignedAt = signedAt.UtcDateTime,
        });
        foreach (var (name, value) in result.Headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
