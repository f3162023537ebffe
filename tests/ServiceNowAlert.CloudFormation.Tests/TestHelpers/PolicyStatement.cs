using System.Text.Json.Nodes;

namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>One IAM policy statement and where it was found.</summary>
public sealed record PolicyStatement(string Template, string ResourceId, PolicyKind Kind, JsonObject Statement)
{
    public bool IsDeny => Statement["Effect"]?.GetValue<string>() == "Deny";

    public bool IsAllow => Statement["Effect"]?.GetValue<string>() == "Allow";

    public IReadOnlyList<string> Actions => Intrinsics.Strings(Statement["Action"]).ToList();

    public IReadOnlyList<string> Resources => Intrinsics.Strings(Statement["Resource"]).ToList();

    /// <summary>Every principal value: "*" for a bare wildcard, otherwise the values under AWS, Service, Federated.</summary>
    public IReadOnlyList<string> Principals => Statement["Principal"] switch
    {
        null => [],
        JsonValue bare => [bare.GetValue<string>()],
        JsonObject map => map.SelectMany(pair => Intrinsics.Strings(pair.Value)).ToList(),
        var other => [other.ToJsonString()],
    };

    public override string ToString() => $"{Template} {ResourceId} {Statement["Sid"]?.GetValue<string>() ?? "(no Sid)"}";
}
