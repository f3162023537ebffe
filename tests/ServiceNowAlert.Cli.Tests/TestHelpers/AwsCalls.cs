using System.Text;
using System.Text.RegularExpressions;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Testing;
using ServiceNowAlert.Testing.Http;

namespace ServiceNowAlert.Cli.Tests.TestHelpers;

/// <summary>The `snalert invoke` and `emit` command lines these tests run, fake AWS answers, and what a signed request says.</summary>
internal static partial class AwsCalls
{
    public const string FunctionArn = "arn:aws:lambda:eu-west-1:111111111111:function:servicenowalert-alerting:live";

    public static readonly Dictionary<string, string> Credentials = new() { ["AWS_ACCESS_KEY_ID"] = "AKIDENV", ["AWS_SECRET_ACCESS_KEY"] = "env-secret" };

    public static string[] Invoke(params string[] options) =>
        ["invoke", "--function-arn", FunctionArn, .. options, RepositoryPaths.Combine("samples", "events", "cloudwatch-alarm-single-metric.json")];

    public static string[] Emit(params string[] options) =>
        ["emit", "--bus", "alerts", "--source", "orders.app", .. options, RepositoryPaths.Combine("samples", "requests", "valid", "firing-major-minimal.json")];

    public static LoopbackHttpServer Lambda() => new(_ => CannedResponse.Json(Encoding.UTF8.GetString(AlertJson.Serialize(
        new AlertResult { Status = AlertResultStatus.Sent, AlertId = "a", MessageId = "m@x", AcceptedRecipients = 1 }))));

    public static LoopbackHttpServer EventBridge() => new(_ => CannedResponse.Json("""{"FailedEntryCount":0,"Entries":[{"EventId":"e-1"}]}"""));

    public static Dictionary<string, string> With(this Dictionary<string, string> environment, params (string Name, string Value)[] more)
    {
        var merged = new Dictionary<string, string>(environment);
        foreach (var (name, value) in more)
        {
            merged[name] = value;
        }

        return merged;
    }

    /// <summary>The access key, region and service of the SigV4 credential scope.</summary>
    public static (string AccessKey, string Region, string Service) Scope(RecordedRequest request)
    {
        var match = ScopePattern().Match(request.Header("Authorization") ?? string.Empty);
        return match.Success ? (match.Groups["key"].Value, match.Groups["region"].Value, match.Groups["service"].Value) : ("", "", "");
    }

    [GeneratedRegex(@"Credential=(?<key>[^/]+)/\d{8}/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request")]
    private static partial Regex ScopePattern();
}
