using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>
/// Checks a resource's Properties against AWS's resource specification (<see cref="AwsServiceSpec"/>): required
/// properties, unknown properties, each value's type (string, integer, number, boolean, list, map, tag, nested
/// property type, union) and allowed values. An intrinsic function is accepted wherever a value is, and each branch of
/// an <c>Fn::If</c> must be valid on its own.
/// </summary>
public sealed class ResourceSpecValidator
{
    private readonly AwsServiceSpec _spec;
    private readonly JsonObject _resource;

    private ResourceSpecValidator(AwsServiceSpec spec, JsonObject resource)
    {
        _spec = spec;
        _resource = resource;
    }

    public static ResourceSpecValidator ForType(string cloudFormationType) =>
        new(AwsServiceSpec.Instance, AwsServiceSpec.Instance.Resource(cloudFormationType));

    /// <summary>Validates a resource's Properties object; returns one message per violation.</summary>
    public IReadOnlyList<string> Validate(JsonNode? properties)
    {
        var errors = new List<string>();
        CheckValue(properties ?? new JsonObject(), _resource, "Properties", errors);
        return errors;
    }

    private void CheckValue(JsonNode? value, JsonObject definition, string path, List<string> errors)
    {
        foreach (var branch in Intrinsics.Branches(value))
        {
            if (Intrinsics.IsIntrinsic(branch))
            {
                continue;
            }

            if (branch is not JsonObject obj)
            {
                errors.Add($"{path}: expected an object, found {Describe(branch)}");
                continue;
            }

            CheckObject(obj, definition, path, errors);
        }
    }

    private void CheckObject(JsonObject obj, JsonObject definition, string path, List<string> errors)
    {
        var properties = definition["properties"]?.AsObject() ?? [];
        foreach (var (name, property) in properties)
        {
            if (property?["required"]?.GetValue<bool>() == true && !obj.ContainsKey(name))
            {
                errors.Add($"{path}: required property {name} is missing");
            }
        }

        foreach (var (name, child) in obj)
        {
            if (properties[name] is JsonObject property)
            {
                Check(child, property["type"]!.AsObject(), $"{path}.{name}", errors);
            }
            else
            {
                errors.Add($"{path}: unknown property {name}");
            }
        }
    }

    private void Check(JsonNode? value, JsonObject type, string path, List<string> errors)
    {
        foreach (var branch in Intrinsics.Branches(value))
        {
            if (!Intrinsics.IsIntrinsic(branch))
            {
                CheckConcrete(branch, type, path, errors);
            }
        }
    }

    private void CheckConcrete(JsonNode? value, JsonObject type, string path, List<string> errors)
    {
        var kind = type["type"]!.GetValue<string>();
        switch (kind)
        {
            case "ref":
                CheckValue(value, _spec.TypeDefinition(type["reference"]!["$ref"]!.GetValue<string>()), path, errors);
                return;
            case "array" when value is JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], type["element"]!.AsObject(), $"{path}[{i}]", errors);
                }

                return;
            case "map" when value is JsonObject map:
                foreach (var (key, item) in map)
                {
                    Check(item, type["element"]!.AsObject(), $"{path}.{key}", errors);
                }

                return;
            case "tag" when value is JsonObject tag:
                CheckTag(tag, path, errors);
                return;
            case "union":
                if (!type["types"]!.AsArray().Any(alternative => Passes(value, alternative!.AsObject(), path)))
                {
                    errors.Add($"{path}: {Describe(value)} matches none of {type["types"]!.ToJsonString()}");
                }

                return;
        }

        if (!IsOfKind(value, kind))
        {
            errors.Add($"{path}: expected {kind}, found {Describe(value)}");
        }
        else if (type["allowedValues"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{path}: {Describe(value)} is not one of {allowed.ToJsonString()}");
        }
    }

    private void CheckTag(JsonObject tag, string path, List<string> errors)
    {
        var tagType = new JsonObject { ["type"] = "string" };
        foreach (var name in new[] { "Key", "Value" }.Where(name => !tag.ContainsKey(name)))
        {
            errors.Add($"{path}: required property {name} is missing");
        }

        foreach (var (name, item) in tag)
        {
            if (name is "Key" or "Value")
            {
                Check(item, tagType, $"{path}.{name}", errors);
            }
            else
            {
                errors.Add($"{path}: unknown property {name}");
            }
        }
    }

    private bool Passes(JsonNode? value, JsonObject type, string path)
    {
        var probe = new List<string>();
        Check(value, type, path, probe);
        return probe.Count == 0;
    }

    private static bool IsOfKind(JsonNode? value, string kind) => kind switch
    {
        "string" or "date-time" => KindOf(value) == JsonValueKind.String,
        "boolean" => KindOf(value) is JsonValueKind.True or JsonValueKind.False,
        "integer" => KindOf(value) == JsonValueKind.Number
            && double.IsInteger(double.Parse(value!.ToJsonString(), CultureInfo.InvariantCulture)),
        "number" => KindOf(value) == JsonValueKind.Number,
        "json" => value is JsonObject,
        "array" or "map" or "tag" => false,
        "null" => value is null,
        _ => throw new NotSupportedException($"check type: unknown specification type {kind}"),
    };

    private static JsonValueKind KindOf(JsonNode? value) => value?.GetValueKind() ?? JsonValueKind.Null;

    private static string Describe(JsonNode? value) => value?.ToJsonString() ?? "null";
}
