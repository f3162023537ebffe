using System.Text.Json.Nodes;

namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>Reads the example parameter files under cloudformation/params.</summary>
public static class ParameterFiles
{
    /// <summary>A file's ParameterKey/ParameterValue pairs, in a dictionary the caller may change.</summary>
    public static Dictionary<string, string> Values(string fileName) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.CloudFormation, "params", fileName)))!.AsArray()
            .ToDictionary(e => e!["ParameterKey"]!.GetValue<string>(), e => e!["ParameterValue"]!.GetValue<string>(), StringComparer.Ordinal);
}
