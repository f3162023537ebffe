using System.Text.Json.Nodes;

namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>
/// A copy of cloudformation/params in a temporary folder where every NoEcho parameter of each file's template has a
/// value of its own, so that a test can look for it in what deploy.sh prints.
/// </summary>
public sealed class SecretParameterFiles : IDisposable
{
    private static readonly (string File, string Template)[] Files =
    [
        ("s3-callee.json", "artifact-bucket.yaml"),
        ("callee.json", "callee.yaml"),
        ("s3-caller.json", "artifact-bucket.yaml"),
        ("caller.json", "caller.yaml"),
    ];

    public SecretParameterFiles()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("params-").FullName;
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, template) in Files)
        {
            var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.CloudFormation, "params", file)))!.AsArray();
            foreach (var name in CloudFormationTemplate.Load(template).NoEchoParameters())
            {
                // Within every NoEcho pattern the templates use (ExternalId: [a-zA-Z0-9+=,.@:/-]).
                var value = secrets[name] = $"s3cret-{name}-d41d8cd98f";
                parameters.Where(p => p?["ParameterKey"]?.GetValue<string>() == name).ToList().ForEach(p => parameters.Remove(p));
                parameters.Add(new JsonObject { ["ParameterKey"] = name, ["ParameterValue"] = value });
            }

            File.WriteAllText(Path.Combine(Directory, file), parameters.ToJsonString());
        }

        Secrets = secrets;
    }

    public string Directory { get; }

    /// <summary>Each NoEcho parameter's name and the value it has in these files.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
