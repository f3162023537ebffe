namespace ServiceNowAlert.AwsClients;

/// <summary>
/// Where a hand-written client sends its requests, in the SDK's order: an explicit endpoint; else the configured one
/// (AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, then the profile's service-specific and global
/// <c>endpoint_url</c>, all skipped when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true); else the regional endpoint.
/// </summary>
public static class ServiceEndpoint
{
    /// <param name="profile">The profile to read; null reads AWS_PROFILE, then <c>default</c>, as the SDK does.</param>
    public static Uri Resolve(AwsService service, string region, Uri? explicitEndpoint, string? profile = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (explicitEndpoint is not null)
        {
            return explicitEndpoint;
        }

        var config = new ConfiguredEndpointConfig(service);
        if (profile is not null)
        {
            config.Profile = new Amazon.Profile(profile);
        }

        var configured = config.ServiceURL;
        if (configured is null)
        {
            return new Uri($"https://{service.EndpointPrefix}.{region}.amazonaws.com/");
        }

        return Uri.TryCreate(configured.EndsWith('/') ? configured : configured + "/", UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"resolve the {service.ServiceId} endpoint: the configured endpoint URL '{configured}' is not an absolute URL");
    }
}
