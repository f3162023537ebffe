using Amazon.Runtime;

namespace ServiceNowAlert.AwsClients;

/// <summary>
/// Gives credentials for the cross-account role, cached until shortly before they expire. Every failure to get them is
/// a <see cref="RoleAssumptionException"/> that says whether a retry can help.
/// </summary>
public interface IRoleAssumer
{
    Task<AWSCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
