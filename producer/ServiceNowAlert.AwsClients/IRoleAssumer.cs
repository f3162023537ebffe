using Amazon.Runtime;

namespace ServiceNowAlert.AwsClients;

/// <summary>Gives credentials for the cross-account role, cached until shortly before they expire.</summary>
public interface IRoleAssumer
{
    Task<AWSCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
