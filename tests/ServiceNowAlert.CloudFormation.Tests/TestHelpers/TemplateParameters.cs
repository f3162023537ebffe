using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>
/// The parameter values of one deployment of a template, as CloudFormation takes them: the given values over the
/// defaults, checked against each parameter's constraints and then the template's Rules, before any resource exists.
/// </summary>
public sealed class TemplateParameters
{
    private readonly CloudFormationTemplate _template;
    private readonly Dictionary<string, string> _values;

    public TemplateParameters(CloudFormationTemplate template, IReadOnlyDictionary<string, string> given)
    {
        _template = template;
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, parameter) in Declared)
        {
            if (given.TryGetValue(name, out var value))
            {
                _values[name] = value;
            }
            else if (parameter!["Default"] is JsonValue fallback)
            {
                _values[name] = fallback.GetValueKind() == JsonValueKind.String ? fallback.GetValue<string>() : fallback.ToJsonString();
            }
        }

        Unknown = given.Keys.Where(key => Declared[key] is null).ToList();
    }

    /// <summary>Given names the template does not declare (CloudFormation refuses the whole deployment).</summary>
    public IReadOnlyList<string> Unknown { get; }

    private JsonObject Declared => _template.Root["Parameters"]!.AsObject();

    /// <summary>The value of a parameter: a string, or a list of strings for a CommaDelimitedList (split at every comma).</summary>
    public JsonNode Value(string name)
    {
        var type = Declared[name]?["Type"]?.GetValue<string>()
            ?? throw new KeyNotFoundException($"resolve parameter: {_template.FileName} has no parameter {name}");
        var value = _values.TryGetValue(name, out var text)
            ? text
            : throw new InvalidOperationException($"resolve parameter: {name} has no value and no default");
        return IsList(type) ? new JsonArray(value.Split(',').Select(v => (JsonNode)JsonValue.Create(v)).ToArray()) : JsonValue.Create(value);
    }

    /// <summary>
    /// What CloudFormation refuses before creating anything: unknown or missing parameters, values outside a
    /// parameter's AllowedPattern (each entry of a list), AllowedValues, lengths or bounds, and failed Rules assertions.
    /// </summary>
    public IReadOnlyList<string> Errors()
    {
        var errors = Unknown.Select(name => $"{name}: not a parameter of {_template.FileName}").ToList();
        foreach (var (name, parameter) in Declared)
        {
            if (!_values.TryGetValue(name, out var value))
            {
                errors.Add($"{name}: no value and no default");
                continue;
            }

            var entries = IsList(parameter!["Type"]!.GetValue<string>()) ? value.Split(',') : [value];
            errors.AddRange(entries.SelectMany(entry => ConstraintErrors(name, parameter.AsObject(), entry)));
        }

        return errors.Count > 0 ? errors : RuleErrors();
    }

    private static bool IsList(string type) => type is "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal);

    private static IEnumerable<string> ConstraintErrors(string name, JsonObject parameter, string value)
    {
        // CloudFormation matches AllowedPattern against the whole value (Java regular expressions; the templates use
        // only syntax .NET reads the same way).
        if (parameter["AllowedPattern"] is JsonValue pattern
            && !Regex.IsMatch(value, $@"\A(?:{pattern.GetValue<string>()})\z", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            yield return $"{name}: {Quote(value)} does not match {pattern.GetValue<string>()}";
        }

        if (parameter["AllowedValues"] is JsonArray allowed && !allowed.Any(a => a is not null && ScalarText(a) == value))
        {
            yield return $"{name}: {Quote(value)} is not one of {allowed.ToJsonString()}";
        }

        if (parameter["MaxLength"] is JsonNode max && value.Length > int.Parse(ScalarText(max), CultureInfo.InvariantCulture))
        {
            yield return $"{name}: longer than {ScalarText(max)}";
        }

        if (parameter["MinLength"] is JsonNode min && value.Length < int.Parse(ScalarText(min), CultureInfo.InvariantCulture))
        {
            yield return $"{name}: shorter than {ScalarText(min)}";
        }

        if (parameter["Type"]!.GetValue<string>() == "Number")
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                yield return $"{name}: {Quote(value)} is not a number";
            }
            else if ((parameter["MinValue"] is JsonNode low && number < double.Parse(ScalarText(low), CultureInfo.InvariantCulture))
                || (parameter["MaxValue"] is JsonNode high && number > double.Parse(ScalarText(high), CultureInfo.InvariantCulture)))
            {
                yield return $"{name}: {value} is out of bounds";
            }
        }
    }

    private List<string> RuleErrors()
    {
        var errors = new List<string>();
        foreach (var (name, rule) in _template.Root["Rules"]?.AsObject() ?? [])
        {
            if (rule!["RuleCondition"] is JsonNode condition && !IsTrue(RuleValue(condition)))
            {
                continue;
            }

            errors.AddRange(rule["Assertions"]!.AsArray()
                .Where(assertion => !IsTrue(RuleValue(assertion!["Assert"])))
                .Select(assertion => $"rule {name}: {assertion!["AssertDescription"]?.GetValue<string>() ?? "assertion failed"}"));
        }

        return errors;
    }

    // The functions CloudFormation allows in Rules that these templates use; any other is a test gap, not a pass.
    private JsonNode? RuleValue(JsonNode? node)
    {
        if (node is not JsonObject { Count: 1 } obj)
        {
            return node is JsonArray array ? new JsonArray(array.Select(item => RuleValue(item)?.DeepClone()).ToArray()) : node?.DeepClone();
        }

        var (function, argument) = obj.First();
        var args = argument as JsonArray;
        return function switch
        {
            "Ref" => Value(argument!.GetValue<string>()),
            "Fn::Equals" => JsonNode.DeepEquals(RuleValue(args![0]), RuleValue(args[1])),
            "Fn::Not" => !IsTrue(RuleValue(args![0])),
            "Fn::And" => args!.All(a => IsTrue(RuleValue(a))),
            "Fn::Or" => args!.Any(a => IsTrue(RuleValue(a))),
            "Fn::Contains" => Texts(RuleValue(args![0])).Contains(ScalarText(RuleValue(args[1])!)),
            "Fn::EachMemberEquals" => Texts(RuleValue(args![0])).All(t => t == ScalarText(RuleValue(args[1])!)),
            "Fn::EachMemberIn" => Texts(RuleValue(args![0])).All(Texts(RuleValue(args[1])).Contains),
            _ => throw new NotSupportedException($"evaluate rule: {function} is not evaluated by the tests"),
        };
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    private static List<string> Texts(JsonNode? node) => node is JsonArray array ? array.Select(a => ScalarText(a!)).ToList() : [ScalarText(node!)];

    private static string ScalarText(JsonNode node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node.ToJsonString();

    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
