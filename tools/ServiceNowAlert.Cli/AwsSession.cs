using System.CommandLine;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Amazon.SecurityToken;
using ServiceNowAlert.AwsClients;

namespace ServiceNowAlert.Cli;

/// <summary>
/// The region, profile, endpoints and credentials of one command, chosen as the AWS CLI chooses them: --profile, else
/// AWS_PROFILE, else default; --region, else AWS_REGION, else AWS_DEFAULT_REGION, else the profile's region.
/// Credentials and endpoints come from AWSSDK.Core's own chains, pointed at the chosen profile.
/// </summary>
internal sealed class AwsSession
{
    private AwsSession(string region, string? profile)
    {
        Region = region;
        Profile = profile;
    }

    public string Region { get; }

    /// <summary>The profile --profile names; null leaves the choice to the SDK (AWS_PROFILE, then default).</summary>
    public string? Profile { get; }

    /// <param name="resourceRegion">The region of the resource the command calls (a function ARN's), which only --region overrides.</param>
    public static AwsSession From(ParseResult parse, string? resourceRegion = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var profile = NonEmpty(parse.GetValue(AwsOptions.Profile));
        var found = new CredentialProfileStoreChain().TryGetProfile(profile ?? Variable("AWS_PROFILE") ?? "default", out var stored);
        if (profile is not null && !found)
        {
            throw new CliException($"use profile {profile}: no such profile in the AWS config or credentials file");
        }

        // us-east-1 last, as snalert always defaulted to, where the AWS CLI would stop and ask for a region.
        var region = NonEmpty(parse.GetValue(AwsOptions.Region)) ?? resourceRegion ?? Variable("AWS_REGION") ?? Variable("AWS_DEFAULT_REGION") ?? stored?.Region?.SystemName ?? "us-east-1";
        return new AwsSession(region, profile);
    }

    /// <summary>--endpoint-url if given, else the endpoint the SDK's rules configure for the service in this profile.</summary>
    public Uri Endpoint(ParseResult parse, AwsService service)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return ServiceEndpoint.Resolve(service, Region, EndpointOption.Parse(parse.GetValue(AwsOptions.EndpointUrl)), Profile);
    }

    /// <summary>The SDK's credential chain for the profile; a loopback endpoint (an emulator) needs none.</summary>
    public Func<CancellationToken, Task<AWSCredentials>> Credentials(Uri endpoint) => async _ =>
    {
        try
        {
            return await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(StsConfig());
        }
        catch (AmazonClientException) when (endpoint.IsLoopback)
        {
            return new BasicAWSCredentials("local", "local");
        }
        catch (AmazonClientException exception)
        {
            throw new CliException($"find AWS credentials{(Profile is null ? string.Empty : $" for profile {Profile}")}: {exception.Message}");
        }
    };

    public AmazonSecurityTokenServiceClient Sts() => new(StsConfig());

    private AmazonSecurityTokenServiceConfig StsConfig() =>
        new() { RegionEndpoint = RegionEndpoint.GetBySystemName(Region), Profile = Profile is null ? null : new Profile(Profile) };

    private static string? Variable(string name) => NonEmpty(Environment.GetEnvironmentVariable(name));

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
