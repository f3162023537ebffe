namespace ServiceNowAlert.Cli.Tests.TestHelpers;

/// <summary>An AWS config file and credentials file in a temporary folder, and the variables that point the CLI at them.</summary>
internal sealed class AwsConfigFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("snalert-aws-").FullName;

    public AwsConfigFiles(string config, string credentials = "")
    {
        File.WriteAllText(Path.Combine(_folder, "config"), config);
        File.WriteAllText(Path.Combine(_folder, "credentials"), credentials);
    }

    public Dictionary<string, string> Environment(params (string Name, string Value)[] more)
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_CONFIG_FILE"] = Path.Combine(_folder, "config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_folder, "credentials"),
        };
        foreach (var (name, value) in more)
        {
            variables[name] = value;
        }

        return variables;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
