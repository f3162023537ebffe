using System.Text.Json.Nodes;

namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>Recognises CloudFormation intrinsic functions and expands <c>Fn::If</c> into every concrete branch.</summary>
public static class Intrinsics
{
    /// <summary>A one-key object whose key is Ref, Condition or Fn::*: its value is only known at deploy time.</summary>
    public static bool IsIntrinsic(JsonNode? node) =>
        node is JsonObject { Count: 1 } obj
        && obj.First().Key is var key
        && (key is "Ref" or "Condition" || key.StartsWith("Fn::", StringComparison.Ordinal));

    public static bool IsNoValue(JsonNode? node) =>
        node is JsonObject { Count: 1 } obj && obj["Ref"]?.GetValue<string>() == "AWS::NoValue";

    public static bool IsRefTo(JsonNode? node, string name) =>
        node is JsonObject { Count: 1 } obj && obj["Ref"] is JsonValue value && value.GetValue<string>() == name;

    /// <summary>
    /// Every value a node can take once conditions are decided: both branches of each Fn::If,
    /// without AWS::NoValue. Other values come back unchanged.
    /// </summary>
    public static IEnumerable<JsonNode?> Branches(JsonNode? node)
    {
        if (node is JsonObject { Count: 1 } obj && obj["Fn::If"] is JsonArray { Count: 3 } args)
        {
            foreach (var branch in Branches(args[1]).Concat(Branches(args[2])))
            {
                yield return branch;
            }

            yield break;
        }

        if (node is not null && !IsNoValue(node))
        {
            yield return node;
        }
    }

    /// <summary>The items of a list, expanding a list-valued Fn::If and item-level Fn::If.</summary>
    public static IEnumerable<JsonNode?> Items(JsonNode? node)
    {
        foreach (var branch in Branches(node))
        {
            if (branch is JsonArray array)
            {
                foreach (var item in array.SelectMany(Branches))
                {
                    yield return item;
                }
            }
            else
            {
                yield return branch;
            }
        }
    }

    /// <summary>Strings of a string-or-list value; intrinsics come back as their JSON text.</summary>
    public static IEnumerable<string> Strings(JsonNode? node) =>
        Items(node).Select(item => item is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : item?.ToJsonString() ?? "");
}
