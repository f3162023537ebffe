using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Normalisers;
using Env = ServiceNowAlert.Invoker.InvokerEnvironmentVariables;

namespace ServiceNowAlert.Invoker;

/// <summary>The invoker's configuration, read and checked once at start-up, every problem reported at once.</summary>
public sealed partial record InvokerSettings
{
    public required string FunctionArn { get; init; }

    public required string Region { get; init; }

    public string? RoleArn { get; init; }

    public string? ExternalId { get; init; }

    public int MaxAttempts { get; init; } = 4;

    public Uri? StsEndpoint { get; init; }

    public Uri? LambdaEndpoint { get; init; }

    public required NormaliserOptions Normaliser { get; init; }

    /// <summary>This account's display name for <see cref="AlertProducer.Name"/>; null sends the account id alone.</summary>
    public string? AccountName { get; init; }

    public static InvokerSettings FromEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var problems = new List<string>();
        string? Get(string name) => environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var functionArn = Get(Env.TargetFunctionArn);
        var match = functionArn is null ? null : FunctionArnPattern().Match(functionArn);
        if (functionArn is null)
        {
            problems.Add($"{Env.TargetFunctionArn} is required");
        }
        else if (match is not { Success: true })
        {
            problems.Add($"{Env.TargetFunctionArn} must be a qualified function ARN (arn:aws:lambda:<region>:<account>:function:<name>:<alias>); got '{functionArn}'");
        }

        var roleArn = Get(Env.TargetRoleArn);
        if (roleArn is not null && !AwsIdentifiers.TryGetRoleArnAccount(roleArn, out _))
        {
            problems.Add($"{Env.TargetRoleArn} must be an IAM role ARN; got '{roleArn}'");
        }

        var region = Get(Env.TargetRegion) ?? match?.Groups["region"].Value ?? Get("AWS_REGION") ?? "us-east-1";
        var attempts = Get(Env.MaxAttempts) is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10 ? n : Problem(problems, $"{Env.MaxAttempts} must be 1 to 10; got '{text}'", 4)
            : 4;
        var defaultSeverity = Severity(Get(Env.DefaultSeverity), Env.DefaultSeverity, problems) ?? AlertSeverity.Major;
        var insufficient = Get(Env.InsufficientData) is { } mode && mode != "ignore" ? Severity(mode, Env.InsufficientData, problems) : null;
        var rules = Rules(Get(Env.SeverityRules), problems);
        var sts = Endpoint(Get(Env.StsEndpoint), Env.StsEndpoint, problems);
        var lambda = Endpoint(Get(Env.LambdaEndpoint), Env.LambdaEndpoint, problems);
        var accountName = Get(Env.AccountName);
        if (accountName is not null && AlertProducer.CheckName(accountName) is { } nameProblem)
        {
            problems.Add($"{Env.AccountName}: {nameProblem}");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("configure invoker function: " + string.Join("; ", problems));
        }

        return new InvokerSettings
        {
            FunctionArn = functionArn!,
            Region = region,
            RoleArn = roleArn,
            ExternalId = Get(Env.ExternalId),
            MaxAttempts = attempts,
            StsEndpoint = sts,
            LambdaEndpoint = lambda,
            AccountName = accountName,
            Normaliser = new NormaliserOptions { SeverityRules = rules, DefaultSeverity = defaultSeverity, InsufficientDataSeverity = insufficient, Region = Get("AWS_REGION") },
        };
    }

    private static int Problem(List<string> problems, string problem, int fallback)
    {
        problems.Add(problem);
        return fallback;
    }

    private static AlertSeverity? Severity(string? text, string name, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (Enum.TryParse<AlertSeverity>(text, ignoreCase: true, out var severity) && !int.TryParse(text, out _))
        {
            return severity;
        }

        problems.Add($"{name} must be one of critical, major, minor, warning, info{(name == Env.InsufficientData ? " or ignore" : string.Empty)}; got '{text}'");
        return null;
    }

    private static Uri? Endpoint(string? text, string name, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        problems.Add($"{name} must be an http(s) URL; got '{text}'");
        return null;
    }

    private static List<SeverityRule> Rules(string? json, List<string> problems)
    {
        if (json is null)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var rules = new List<SeverityRule>();
            foreach (var rule in document.RootElement.EnumerateArray())
            {
                var pattern = rule.GetProperty("pattern").GetString();
                var severity = Severity(rule.GetProperty("severity").GetString(), Env.SeverityRules, problems);
                if (!string.IsNullOrEmpty(pattern) && severity is { } value)
                {
                    rules.Add(new SeverityRule(pattern, value));
                }
            }

            return rules;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            problems.Add($"{Env.SeverityRules} must be a JSON list of {{\"pattern\":\"...\",\"severity\":\"...\"}}: {exception.Message}");
            return [];
        }
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:lambda:(?<region>[a-z0-9-]+):[0-9]{12}:function:[A-Za-z0-9_-]{1,64}:[A-Za-z0-9$_-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionArnPattern();
}
