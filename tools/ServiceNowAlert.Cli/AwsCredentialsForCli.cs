using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace ServiceNowAlert.Cli;

/// <summary>Credentials from the standard chain, like the AWS CLI; against a loopback endpoint none are needed.</summary>
internal static class AwsCredentialsForCli
{
    public static Func<CancellationToken, Task<AWSCredentials>> For(Uri? endpoint) => async _ =>
    {
        try
        {
            return await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync();
        }
        catch (AmazonClientException) when (endpoint is { IsLoopback: true })
        {
            return new BasicAWSCredentials("local", "local");
        }
        catch (AmazonClientException exception)
        {
            throw new CliException($"find AWS credentials: {exception.Message}");
        }
    };
}
