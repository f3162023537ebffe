using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>
/// Decides a resolved resource-based policy (a role's trust policy, a bucket or key policy) for one request the way
/// IAM does: an explicit Deny wins, otherwise one matching Allow allows, otherwise the request is refused. A statement
/// matches when its Action, its Principal, its Resource (when it names one) and every condition match. Conditions:
/// every operator and every key must hold, any of a key's values may; condition key names ignore case; a key missing
/// from the request fails every positive operator but the ...IfExists forms and satisfies the negated ones (...Not...)
/// and Null "true". Operators the templates do not use are refused, so a test never passes on a guess.
/// </summary>
public static partial class IamPolicyEvaluator
{
    public static bool Allows(JsonNode? policy, IamRequest request)
    {
        var matching = Statements(policy).Where(s => Matches(s, request)).ToList();
        return matching.Any(s => Effect(s) == "Allow") && !matching.Any(s => Effect(s) == "Deny");
    }

    private static IEnumerable<JsonObject> Statements(JsonNode? policy) => policy?["Statement"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject single => [single],
        _ => [],
    };

    private static string Effect(JsonObject statement) => statement["Effect"]!.GetValue<string>();

    private static bool Matches(JsonObject statement, IamRequest request)
    {
        if (statement["NotAction"] is not null || statement["NotPrincipal"] is not null || statement["NotResource"] is not null)
        {
            throw new NotSupportedException("evaluate policy: NotAction, NotPrincipal and NotResource are not evaluated by the tests");
        }

        return Values(statement["Action"]).Any(action => Glob(action, request.Action, ignoreCase: true))
            && PrincipalMatches(statement["Principal"], request)
            && ResourceMatches(statement["Resource"], request)
            && (statement["Condition"] as JsonObject ?? []).All(op => OperatorHolds(op.Key, op.Value!.AsObject(), request.Keys));
    }

    private static bool PrincipalMatches(JsonNode? principal, IamRequest request) => principal switch
    {
        JsonValue star when star.GetValue<string>() == "*" => true,
        JsonObject map => Values(map["AWS"]).Any(value => AwsPrincipalMatches(value, request)),
        _ => false,
    };

    // In a key policy "*" is the key itself; elsewhere it is every resource. A policy that names resources cannot be
    // decided for a request without one.
    private static bool ResourceMatches(JsonNode? resource, IamRequest request)
    {
        if (resource is null)
        {
            return true;
        }

        var resourceArn = request.Resource
            ?? throw new InvalidOperationException($"evaluate policy: the statement names {resource.ToJsonString()} but the request no resource");
        return Values(resource).Any(pattern => pattern == "*" || ArnLike(pattern, resourceArn));
    }

    // "*" is everyone; an account id or its root ARN is every principal of that account; any other ARN is that
    // principal only. IAM refuses other wildcards in Principal, so they are an error here too.
    private static bool AwsPrincipalMatches(string value, IamRequest request)
    {
        if (value == "*")
        {
            return true;
        }

        if (value.Contains('*', StringComparison.Ordinal) || value.Contains('?', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"evaluate policy: IAM refuses the wildcard principal {value}");
        }

        var root = AccountRoot().Match(value);
        if (AccountId().IsMatch(value) || root.Success)
        {
            return (root.Success ? root.Groups[1].Value : value) == request.PrincipalAccount;
        }

        return string.Equals(value, request.PrincipalArn, StringComparison.Ordinal);
    }

    private static bool OperatorHolds(string name, JsonObject keys, IReadOnlyDictionary<string, string> context)
    {
        var ifExists = name.EndsWith("IfExists", StringComparison.Ordinal);
        var op = ifExists ? name[..^"IfExists".Length] : name;
        foreach (var (key, expected) in keys)
        {
            var present = context.TryGetValue(key, out var actual);
            var holds = op switch
            {
                "Null" => Values(expected).Any(v => v == (present ? "false" : "true")),
                "StringNotEquals" or "StringNotLike" or "ArnNotEquals" or "ArnNotLike" when !present => true,
                _ when !present => ifExists,
                "StringEquals" => Values(expected).Any(v => string.Equals(v, actual, StringComparison.Ordinal)),
                "StringNotEquals" => !Values(expected).Any(v => string.Equals(v, actual, StringComparison.Ordinal)),
                "StringLike" => Values(expected).Any(v => Glob(v, actual!, ignoreCase: false)),
                "StringNotLike" => !Values(expected).Any(v => Glob(v, actual!, ignoreCase: false)),
                "ArnEquals" or "ArnLike" => Values(expected).Any(v => ArnLike(v, actual!)),
                "ArnNotEquals" or "ArnNotLike" => !Values(expected).Any(v => ArnLike(v, actual!)),
                "Bool" => Values(expected).Any(v => string.Equals(v, actual, StringComparison.OrdinalIgnoreCase)),
                _ => throw new NotSupportedException($"evaluate policy: condition operator {name} is not evaluated by the tests"),
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    // IAM compares each of an ARN's six colon-separated parts on its own, with * and ? inside a part only.
    private static bool ArnLike(string pattern, string arn)
    {
        var patternParts = pattern.Split(':', 6);
        var arnParts = arn.Split(':', 6);
        return patternParts.Length == 6 && arnParts.Length == 6
            && patternParts.Zip(arnParts).All(p => Glob(p.First, p.Second, ignoreCase: false));
    }

    private static bool Glob(string pattern, string value, bool ignoreCase) =>
        Regex.IsMatch(
            value,
            "\\A" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "\\z",
            (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.Singleline,
            TimeSpan.FromSeconds(1));

    private static IEnumerable<string> Values(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(Scalar),
        null => [],
        _ => [Scalar(node)],
    };

    private static string Scalar(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
        _ => throw new InvalidOperationException($"evaluate policy: {node?.ToJsonString() ?? "null"} is not a policy value"),
    };

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::(\d{12}):root$")]
    private static partial Regex AccountRoot();
}
