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

    /// <summary>Sets one entry of an existing file (callee.json, say), replacing an entry of the same key.</summary>
    public void Set(string fileName, string key, string value)
    {
        var file = System.IO.Path.Combine(Path, fileName);
        var entries = JsonNode.Parse(File.ReadAllText(file))!.AsArray();
        foreach (var existing in entries.Where(e => e!["ParameterKey"]!.GetValue<string>() == key).ToList())
        {
            entries.Remove(existing);
        }

        entries.Add(new JsonObject { ["ParameterKey"] = key, ["ParameterValue"] = value });
        File.WriteAllText(file, entries.ToJsonString());
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
