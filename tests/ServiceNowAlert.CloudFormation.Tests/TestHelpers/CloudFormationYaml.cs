using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>
/// Reads a CloudFormation YAML template into JSON nodes, turning the short-form intrinsic tags
/// (<c>!Ref</c>, <c>!Sub</c>, <c>!GetAtt</c>, ...) into their long form (<c>{"Ref": ...}</c>, <c>{"Fn::Sub": ...}</c>).
/// </summary>
public static class CloudFormationYaml
{
    private static readonly Dictionary<string, string> LongForms = new(StringComparer.Ordinal)
    {
        ["!Ref"] = "Ref",
        ["!Condition"] = "Condition",
        ["!Sub"] = "Fn::Sub",
        ["!GetAtt"] = "Fn::GetAtt",
        ["!Join"] = "Fn::Join",
        ["!Select"] = "Fn::Select",
        ["!Split"] = "Fn::Split",
        ["!If"] = "Fn::If",
        ["!Equals"] = "Fn::Equals",
        ["!Not"] = "Fn::Not",
        ["!And"] = "Fn::And",
        ["!Or"] = "Fn::Or",
        ["!FindInMap"] = "Fn::FindInMap",
        ["!ImportValue"] = "Fn::ImportValue",
        ["!Base64"] = "Fn::Base64",
        ["!Cidr"] = "Fn::Cidr",
        ["!GetAZs"] = "Fn::GetAZs",
    };

    public static JsonObject Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count != 1)
        {
            throw new FormatException($"parse template: expected one YAML document, found {stream.Documents.Count}");
        }

        return Convert(stream.Documents[0].RootNode) as JsonObject
            ?? throw new FormatException("parse template: the root is not a mapping");
    }

    public static JsonObject Load(string path) => Parse(File.ReadAllText(path));

    private static JsonNode? Convert(YamlNode node)
    {
        var tag = node.Tag.IsEmpty || node.Tag.IsNonSpecific ? null : node.Tag.Value;
        if (tag is null || tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
        {
            return ConvertPlain(node);
        }

        if (!LongForms.TryGetValue(tag, out var function))
        {
            throw new FormatException($"parse template: unknown tag {tag} at {node.Start}");
        }

        if (function == "Fn::GetAtt" && node is YamlScalarNode dotted)
        {
            // The short form "!GetAtt Resource.Attribute" splits at the first dot.
            var text = dotted.Value ?? "";
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0)
            {
                throw new FormatException($"parse template: !GetAtt needs Resource.Attribute at {node.Start}");
            }

            return new JsonObject { [function] = new JsonArray(text[..dot], text[(dot + 1)..]) };
        }

        var argument = node is YamlScalarNode scalar ? JsonValue.Create(scalar.Value ?? "") : ConvertPlain(node);
        return new JsonObject { [function] = argument };
    }

    private static JsonNode? ConvertPlain(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new FormatException($"parse template: unsupported node {node.NodeType} at {node.Start}"),
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value
                ?? throw new FormatException($"parse template: a mapping key is not a scalar at {key.Start}");
            if (result.ContainsKey(name))
            {
                throw new FormatException($"parse template: duplicate key {name} at {key.Start}");
            }

            result[name] = Convert(value);
        }

        return result;
    }

    // Plain scalars follow the YAML 1.1 core rules CloudFormation uses; quoted scalars stay strings.
    private static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && char.IsDigit(text[^1]))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }
}
