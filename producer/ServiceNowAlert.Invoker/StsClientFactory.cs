using Amazon.Runtime;
using Amazon.SecurityToken;

namespace ServiceNowAlert.Invoker;

/// <summary>
/// The STS client exactly as the invoker function uses it. The SDK's own retries are off: the invoker's delivery loop
/// is the one retry policy (jittered, inside the deadline), so a refusal or an outage costs a known number of calls.
/// Each call is bounded, so a hanging STS leaves time for another attempt.
/// </summary>
public static class StsClientFactory
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    public static AmazonSecurityTokenServiceClient Create(InvokerSettings settings, AWSCredentials? credentials = null, TimeSpan? callTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = settings.StsEndpoint is null
            ? new AmazonSecurityTokenServiceConfig { RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region) }
            : new AmazonSecurityTokenServiceConfig { ServiceURL = settings.StsEndpoint.ToString(), AuthenticationRegion = settings.Region };
        config.MaxErrorRetry = 0;
        config.Timeout = callTimeout ?? CallTimeout;
        return credentials is null ? new AmazonSecurityTokenServiceClient(config) : new AmazonSecurityTokenServiceClient(credentials, config);
    }
}
