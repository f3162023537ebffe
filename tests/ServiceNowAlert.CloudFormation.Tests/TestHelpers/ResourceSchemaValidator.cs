using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>
/// A focused JSON-schema validator for AWS resource provider schemas (draft-07 style): local $ref, type,
/// enum, const, pattern, lengths, bounds, items, prefixItems, properties, patternProperties, required,
/// additionalProperties false, oneOf, anyOf and allOf. An intrinsic function is accepted wherever a value is.
/// </summary>
public sealed class ResourceSchemaValidator
{
    private readonly JsonObject _root;

    public ResourceSchemaValidator(JsonObject schema) => _root = schema;

    public static ResourceSchemaValidator ForType(string typeName)
    {
        var file = "aws-" + typeName[5..].Replace("::", "-", StringComparison.Ordinal).ToLowerInvariant() + ".json";
        var path = Path.Combine(RepositoryPaths.Schemas, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"load schema: no schema for {typeName}", path);
        }

        return new ResourceSchemaValidator(JsonNode.Parse(File.ReadAllText(path))!.AsObject());
    }

    /// <summary>Validates a resource's Properties object; returns one message per violation.</summary>
    public IReadOnlyList<string> Validate(JsonNode? properties)
    {
        var errors = new List<string>();
        Check(properties ?? new JsonObject(), _root, "Properties", errors);
        return errors;
    }

    private void Check(JsonNode? value, JsonObject schema, string path, List<string> errors)
    {
        if (value is JsonObject { Count: 1 } conditional && conditional["Fn::If"] is JsonArray { Count: 3 })
        {
            // Whichever way the condition goes, the chosen value must be valid.
            foreach (var branch in Intrinsics.Branches(value))
            {
                Check(branch, schema, path, errors);
            }

            return;
        }

        if (Intrinsics.IsIntrinsic(value))
        {
            return;
        }

        if (schema["$ref"] is JsonValue reference)
        {
            Check(value, Resolve(reference.GetValue<string>()), path, errors);
        }

        if (schema["type"] is { } type && !MatchesType(value, type))
        {
            errors.Add($"{path}: expected {type.ToJsonString()}, found {Describe(value)}");
            return;
        }

        CheckEnum(value, schema, path, errors);
        CheckCombinators(value, schema, path, errors);
        switch (value)
        {
            case JsonObject obj:
                CheckObject(obj, schema, path, errors);
                break;
            case JsonArray array:
                CheckArray(array, schema, path, errors);
                break;
            case JsonValue scalar:
                CheckScalar(scalar, schema, path, errors);
                break;
        }
    }

    private static void CheckEnum(JsonNode? value, JsonObject schema, string path, List<string> errors)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{path}: {Describe(value)} is not one of {allowed.ToJsonString()}");
        }

        if (schema["const"] is { } constant && !JsonNode.DeepEquals(constant, value))
        {
            errors.Add($"{path}: {Describe(value)} is not {constant.ToJsonString()}");
        }
    }

    private void CheckCombinators(JsonNode? value, JsonObject schema, string path, List<string> errors)
    {
        if (schema["allOf"] is JsonArray allOf)
        {
            foreach (var sub in allOf)
            {
                Check(value, sub!.AsObject(), path, errors);
            }
        }

        if (schema["anyOf"] is JsonArray anyOf && !anyOf.Any(sub => Passes(value, sub!.AsObject(), path)))
        {
            errors.Add($"{path}: matches none of anyOf");
        }

        if (schema["oneOf"] is JsonArray oneOf)
        {
            var matches = oneOf.Count(sub => Passes(value, sub!.AsObject(), path));
            if (matches != 1)
            {
                errors.Add($"{path}: matches {matches} of oneOf, expected exactly 1");
            }
        }
    }

    private bool Passes(JsonNode? value, JsonObject schema, string path)
    {
        var probe = new List<string>();
        Check(value, schema, path, probe);
        return probe.Count == 0;
    }

    private void CheckObject(JsonObject obj, JsonObject schema, string path, List<string> errors)
    {
        var properties = schema["properties"] as JsonObject;
        var patterns = schema["patternProperties"] as JsonObject;
        if (schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => r!.GetValue<string>()).Where(n => !obj.ContainsKey(n)))
            {
                errors.Add($"{path}: required property {name} is missing");
            }
        }

        foreach (var (name, child) in obj)
        {
            var childPath = $"{path}.{name}";
            var known = false;
            if (properties?[name] is JsonObject propertySchema)
            {
                known = true;
                Check(child, propertySchema, childPath, errors);
            }

            foreach (var (pattern, patternSchema) in patterns ?? [])
            {
                if (Regex.IsMatch(name, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
                {
                    known = true;
                    Check(child, patternSchema!.AsObject(), childPath, errors);
                }
            }

            if (!known && schema["additionalProperties"] is JsonValue extra && !extra.GetValue<bool>())
            {
                errors.Add($"{path}: unknown property {name}");
            }
        }
    }

    private void CheckArray(JsonArray array, JsonObject schema, string path, List<string> errors)
    {
        if (schema["minItems"] is JsonValue min && array.Count < min.GetValue<int>())
        {
            errors.Add($"{path}: {array.Count} items, at least {min} required");
        }

        if (schema["maxItems"] is JsonValue max && array.Count > max.GetValue<int>())
        {
            errors.Add($"{path}: {array.Count} items, at most {max} allowed");
        }

        var prefix = schema["prefixItems"] as JsonArray;
        for (var i = 0; i < array.Count; i++)
        {
            if (prefix is not null && i < prefix.Count)
            {
                Check(array[i], prefix[i]!.AsObject(), $"{path}[{i}]", errors);
            }

            if (schema["items"] is JsonObject items)
            {
                Check(array[i], items, $"{path}[{i}]", errors);
            }
        }
    }

    private static void CheckScalar(JsonValue scalar, JsonObject schema, string path, List<string> errors)
    {
        if (scalar.TryGetValue<string>(out var text))
        {
            if (schema["minLength"] is JsonValue minLength && text.Length < minLength.GetValue<int>())
            {
                errors.Add($"{path}: \"{text}\" is shorter than {minLength}");
            }

            if (schema["maxLength"] is JsonValue maxLength && text.Length > maxLength.GetValue<int>())
            {
                errors.Add($"{path}: \"{text}\" is longer than {maxLength}");
            }

            if (schema["pattern"] is JsonValue pattern
                && !Regex.IsMatch(text, pattern.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                errors.Add($"{path}: \"{text}\" does not match {pattern}");
            }

            return;
        }

        var number = ToDouble(scalar);
        if (schema["minimum"] is JsonValue minimum && number < minimum.GetValue<double>())
        {
            errors.Add($"{path}: {number.ToString(CultureInfo.InvariantCulture)} is below {minimum}");
        }

        if (schema["maximum"] is JsonValue maximum && number > maximum.GetValue<double>())
        {
            errors.Add($"{path}: {number.ToString(CultureInfo.InvariantCulture)} is above {maximum}");
        }
    }

    private JsonObject Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"resolve schema reference: only local references are supported, got {reference}");
        }

        JsonNode? node = _root;
        foreach (var segment in reference[2..].Split('/'))
        {
            node = node?[segment];
        }

        return node as JsonObject ?? throw new InvalidOperationException($"resolve schema reference: {reference} not found");
    }

    private static bool MatchesType(JsonNode? value, JsonNode type) => type switch
    {
        JsonArray types => types.Any(t => MatchesType(value, t!)),
        _ => type.GetValue<string>() switch
        {
            "object" => value is JsonObject,
            "array" => value is JsonArray,
            "string" => value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
            "boolean" => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
            "integer" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number
                && double.IsInteger(ToDouble(v)),
            "number" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
            "null" => value is null,
            var other => throw new NotSupportedException($"check type: unknown schema type {other}"),
        },
    };

    private static double ToDouble(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture)
            : double.NaN;

    private static string Describe(JsonNode? value) => value?.ToJsonString() ?? "null";
}
