using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>
/// A template as CloudFormation would create it for one set of parameter values: conditions decided, resources whose
/// condition is false left out, and Ref, Fn::Sub, Fn::Join, Fn::Split, Fn::Select and Fn::If replaced by their values.
/// What only exists once deployed (a resource's Ref or attribute) becomes the placeholder "&lt;Id&gt;" or "&lt;Id.Attribute&gt;".
/// </summary>
public sealed partial class ResolvedTemplate
{
    public const string Partition = "aws";
    public const string Region = "eu-west-1";

    private readonly CloudFormationTemplate _template;
    private readonly TemplateParameters _parameters;
    private readonly string _accountId;
    private readonly Dictionary<string, bool> _conditions = new(StringComparer.Ordinal);

    public ResolvedTemplate(CloudFormationTemplate template, IReadOnlyDictionary<string, string> parameters, string accountId)
    {
        _template = template;
        _parameters = new TemplateParameters(template, parameters);
        _accountId = accountId;
        Resources = new JsonObject();
        foreach (var (id, resource) in template.ResourceEntries)
        {
            if (resource["Condition"] is JsonValue condition && !Condition(condition.GetValue<string>()))
            {
                continue;
            }

            Resources[id] = Resolve(resource["Properties"]) ?? new JsonObject();
        }
    }

    /// <summary>The Properties of every resource the deployment creates, by logical id.</summary>
    public JsonObject Resources { get; }

    public bool Condition(string name)
    {
        if (!_conditions.TryGetValue(name, out var value))
        {
            var definition = _template.Root["Conditions"]?[name]
                ?? throw new KeyNotFoundException($"resolve condition: {_template.FileName} has no condition {name}");
            value = _conditions[name] = IsTrue(Resolve(definition));
        }

        return value;
    }

    /// <summary>The resolved value of a node; null stands for AWS::NoValue, which drops its key or list item.</summary>
    public JsonNode? Resolve(JsonNode? node) => node switch
    {
        JsonObject { Count: 1 } obj when Intrinsics.IsIntrinsic(obj) => Function(obj.First().Key, obj.First().Value),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value)))
            .Where(p => p.Value is not null || !Intrinsics.IsIntrinsic(obj[p.Key]))),
        JsonArray array => new JsonArray(array.Select(item => (Item: item, Value: Resolve(item)))
            .Where(x => x.Value is not null || !Intrinsics.IsIntrinsic(x.Item)).Select(x => x.Value).ToArray()),
        _ => node?.DeepClone(),
    };

    private JsonNode? Function(string name, JsonNode? argument)
    {
        var args = argument as JsonArray;
        return name switch
        {
            "Ref" => Reference(argument!.GetValue<string>()),
            "Condition" => Condition(argument!.GetValue<string>()),
            "Fn::If" => Resolve(Condition(args![0]!.GetValue<string>()) ? args[1] : args[2]),
            "Fn::Equals" => JsonNode.DeepEquals(Resolve(args![0]), Resolve(args[1])),
            "Fn::Not" => !IsTrue(Resolve(args![0])),
            "Fn::And" => args!.All(a => IsTrue(Resolve(a))),
            "Fn::Or" => args!.Any(a => IsTrue(Resolve(a))),
            "Fn::GetAtt" => $"<{args![0]}.{args[1]}>",
            "Fn::Sub" when argument is JsonValue text => SubVariable().Replace(text.GetValue<string>(), m => Text(Variable(m.Groups[1].Value)))
                .Replace("${!", "${", StringComparison.Ordinal),
            "Fn::Join" => string.Join(Text(Resolve(args![0])), List(Resolve(args[1])).Select(Text)),
            "Fn::Split" => new JsonArray(Text(Resolve(args![1])).Split(Text(Resolve(args[0]))).Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
            "Fn::Select" => List(Resolve(args![1]))[int.Parse(Text(Resolve(args[0])), System.Globalization.CultureInfo.InvariantCulture)]?.DeepClone(),
            _ => throw new NotSupportedException($"resolve template: {name} is not resolved by the tests"),
        };
    }

    private JsonNode? Reference(string name) => name switch
    {
        "AWS::NoValue" => null,
        "AWS::Partition" => Partition,
        "AWS::Region" => Region,
        "AWS::AccountId" => _accountId,
        "AWS::StackName" => "stack",
        _ when _template.Root["Parameters"]?[name] is not null => _parameters.Value(name),
        _ => $"<{name}>",
    };

    private JsonNode? Variable(string name) =>
        name.Contains('.', StringComparison.Ordinal) && !name.StartsWith("AWS::", StringComparison.Ordinal) ? $"<{name}>" : Reference(name);

    private static List<JsonNode?> List(JsonNode? node) => node is JsonArray array ? [.. array] : [node];

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>()
        : node is JsonArray ? throw new InvalidOperationException($"resolve template: a list where a string belongs: {node.ToJsonString()}")
        : node?.ToJsonString() ?? "";

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    // ${Name} and ${Name.Attribute}; ${!Literal} stays as written minus the "!".
    [GeneratedRegex(@"\$\{([^!}][^}]*)\}")]
    private static partial Regex SubVariable();
}
