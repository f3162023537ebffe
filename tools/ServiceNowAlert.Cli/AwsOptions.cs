using System.CommandLine;

namespace ServiceNowAlert.Cli;

/// <summary>The options every command that calls AWS takes, meaning what they mean to the AWS CLI.</summary>
internal static class AwsOptions
{
    public static readonly Option<string?> Region = new("--region")
    {
        Description = "AWS region. Default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region (invoke: the function ARN's region).",
    };

    public static readonly Option<string?> Profile = new("--profile")
    {
        Description = "Profile in the AWS config and credentials files, for credentials, region and endpoint_url. Default: AWS_PROFILE, then default.",
    };

    public static readonly Option<string?> EndpointUrl = new("--endpoint-url")
    {
        Description = "Send requests to this URL (a local emulator's, for example). Default: AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, then the profile's endpoint_url.",
    };

    public static void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Region);
        command.Options.Add(Profile);
        command.Options.Add(EndpointUrl);
    }
}
