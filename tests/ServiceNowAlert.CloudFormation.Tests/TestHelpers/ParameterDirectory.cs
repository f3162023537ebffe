using System.Text.Json.Nodes;

namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>A copy of cloudformation/params in a temporary folder, to which a test adds per-profile files.</summary>
public sealed class ParameterDirectory : IDisposable
{
    public ParameterDirectory()
    {
        Path = Directory.CreateTempSubdirectory("params-").FullName;
        foreach (var file in Directory.EnumerateFiles(System.IO.Path.Combine(RepositoryPaths.CloudFormation, "params"), "*.json"))
        {
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        }
    }

    public string Path { get; }

    /// <summary>Writes FILE (for example caller.acct-c.json) with the given ParameterKey/ParameterValue pairs.</summary>
    public void Write(string fileName, params (string Key, string Value)[] entries) =>
        File.WriteAllText(
            System.IO.Path.Combine(Path, fileName),
            new JsonArray(entries.Select(e => (JsonNode)new JsonObject { ["ParameterKey"] = e.Key, ["ParameterValue"] = e.Value }).ToArray()).ToJsonString());

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
