using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace ServiceNowAlert.AwsClients;

/// <summary>
/// A client configuration with no client behind it, kept for one thing: its <see cref="ClientConfig.ServiceURL"/>
/// getter is where AWSSDK.Core resolves configured endpoints (AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, the
/// profile's <c>services</c> section and <c>endpoint_url</c>, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS), so the hand-written
/// clients follow the SDK's rules rather than a second copy of them.
/// </summary>
internal sealed class ConfiguredEndpointConfig : ClientConfig
{
    private static readonly IDefaultConfiguration[] Standard = [new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard }];

    public ConfiguredEndpointConfig(AwsService service)
        : base(new DefaultConfigurationProvider(Standard))
    {
        ServiceId = service.ServiceId;
        RegionEndpointServiceName = service.EndpointPrefix;
    }

    public override string ServiceVersion => "configured-endpoint";

    public override string UserAgent => "ServiceNowAlert";

    public override string RegionEndpointServiceName { get; }

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
        throw new NotSupportedException("resolve an operation endpoint: this configuration only reads configured endpoints");
}
