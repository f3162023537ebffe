using ServiceNowAlert.LambdaEmulator;
using ServiceNowAlert.Testing;
using ServiceNowAlert.Testing.Http;
using ServiceNowAlert.Testing.Smtp;

namespace ServiceNowAlert.EndToEnd.Tests;

/// <summary>
/// One alerting account and three producer accounts on loopback: the invoker deployed as three functions, each with
/// its own account id (in its invoked function ARN) and its own access key, all assuming the cross-account role through
/// the fake STS (which hands each key its own session) and invoking the one alerting function. Two accounts are listed
/// in the alerting function's SNALERT_PRODUCER_ROLE_ARNS; the third is not.
/// </summary>
public sealed class ManyProducersSystem : IAsyncLifetime
{
    public const string Payments = "111111111111";
    public const string Data = "222222222222";
    public const string Unlisted = "333333333333";
    public const string PaymentsInvoker = "servicenowalert-invoker-payments";
    public const string DataInvoker = "servicenowalert-invoker-data";
    public const string UnlistedInvoker = "servicenowalert-invoker-unlisted";
    public const string CalleeAccount = "999999999999";

    private static readonly Dictionary<string, string> KeyOf = new()
    {
        [Payments] = "AKIDPAYMENTS",
        [Data] = "AKIDDATA",
        [Unlisted] = "AKIDUNLISTED",
    };

    public SmtpTestServer Smtp { get; private set; } = null!;

    public LoopbackHttpServer Sts { get; private set; } = null!;

    public LambdaEmulator.LambdaEmulator Emulator { get; private set; } = null!;

    public static string AccessKeyOf(string account) => KeyOf[account];

    public async Task InitializeAsync()
    {
        Smtp = await SmtpTestServer.StartAsync();
        Sts = new LoopbackHttpServer(request => CannedResponse.Xml(AssumeRoleResponse(KeyOf.First(pair => request.Header("Authorization")?.Contains($"Credential={pair.Value}/", StringComparison.Ordinal) == true).Key)));
        var port = LoopbackHttpServer.FreePort();
        Emulator = new LambdaEmulator.LambdaEmulator(
            [
                LocalFunctions.AlertingFunction(Smtp, concurrency: 2, extra: new Dictionary<string, string>
                {
                    ["SNALERT_ROUTES"] = Routes,
                    ["SNALERT_PRODUCER_ROLE_ARNS"] = $"arn:aws:iam::{Payments}:role/servicenowalert-invoker,arn:aws:iam::{Data}:role/servicenowalert-invoker",
                    ["SNALERT_PRODUCER_ORGANIZATION"] = string.Empty,
                    ["SNALERT_PRODUCER_ACCOUNT_NAMES"] = $"{Data}=Data platform",
                }) with { AccountId = CalleeAccount },
                Invoker(PaymentsInvoker, Payments, port, Sts.BaseUri, accountName: "Payments prod"),
                Invoker(DataInvoker, Data, port, Sts.BaseUri, accountName: null),
                Invoker(UnlistedInvoker, Unlisted, port, Sts.BaseUri, accountName: "Unlisted"),
            ],
            port: port);
    }

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        await Sts.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    private static FunctionDefinition Invoker(string name, string account, int port, Uri sts, string? accountName)
    {
        var environment = new Dictionary<string, string>
        {
            ["SNALERT_TARGET_FUNCTION_ARN"] = $"arn:aws:lambda:us-east-1:{CalleeAccount}:function:{LocalFunctions.Alerting}:live",
            ["SNALERT_TARGET_ROLE_ARN"] = $"arn:aws:iam::{CalleeAccount}:role/servicenowalert-cross-account-invoke",
            ["SNALERT_STS_ENDPOINT"] = sts.ToString(),
            ["AWS_ACCESS_KEY_ID"] = KeyOf[account],
            ["AWS_SECRET_ACCESS_KEY"] = $"secret-{account}",
            ["AWS_SESSION_TOKEN"] = $"session-{account}",
        };
        if (accountName is not null)
        {
            environment["SNALERT_ACCOUNT_NAME"] = accountName;
        }

        return LocalFunctions.InvokerFunction(port, extra: environment) with { Name = name, AccountId = account };
    }

    private const string Routes = $$"""
        {
          "defaultRoute": "ops",
          "routes": [
            { "name": "payments-team", "from": "alerts@example.com", "to": ["payments@example.com"], "match": { "account": "{{Payments}}" } },
            { "name": "data-team", "from": "alerts@example.com", "to": ["data@example.com"], "match": { "account": ["{{Data}}"] } },
            { "name": "ops", "from": "alerts@example.com", "to": ["ops@example.com"] }
          ]
        }
        """;

    private static string AssumeRoleResponse(string account) => $"""
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <SourceIdentity>servicenowalert-invoker</SourceIdentity>
            <AssumedRoleUser>
              <AssumedRoleId>AROAFAKE{account}:servicenowalert-invoker</AssumedRoleId>
              <Arn>arn:aws:sts::{CalleeAccount}:assumed-role/servicenowalert-cross-account-invoke/servicenowalert-invoker</Arn>
            </AssumedRoleUser>
            <Credentials>
              <AccessKeyId>ASIA{account}</AccessKeyId>
              <SecretAccessKey>assumed-secret-{account}</SecretAccessKey>
              <SessionToken>assumed-session-{account}</SessionToken>
              <Expiration>2099-01-01T00:00:00Z</Expiration>
            </Credentials>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """;
}
