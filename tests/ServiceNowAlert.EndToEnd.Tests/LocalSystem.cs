using ServiceNowAlert.LambdaEmulator;
using ServiceNowAlert.Testing;
using ServiceNowAlert.Testing.Http;
using ServiceNowAlert.Testing.Smtp;

namespace ServiceNowAlert.EndToEnd.Tests;

/// <summary>
/// The whole system on loopback: a fake STS (the only AWS piece faked), the emulator running the real invoker and
/// alerting bootstraps (JIT builds, unless a subclass picks others), and the real SMTP test server.
/// </summary>
public class LocalSystem : IAsyncLifetime
{
    public const string Invoker = LocalFunctions.Invoker;
    public const string Alerting = LocalFunctions.Alerting;
    public const string RoleArn = "arn:aws:iam::111111111111:role/servicenowalert-cross-account-invoke";

    public SmtpTestServer Smtp { get; private set; } = null!;

    public LoopbackHttpServer Sts { get; private set; } = null!;

    public LambdaEmulator.LambdaEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = await SmtpTestServer.StartAsync();
        Sts = new LoopbackHttpServer(_ => CannedResponse.Xml(AssumeRoleResponse));
        var port = LoopbackHttpServer.FreePort();
        Emulator = new LambdaEmulator.LambdaEmulator(
            [
                Prepare(LocalFunctions.AlertingFunction(Smtp, concurrency: 2)),
                Prepare(LocalFunctions.InvokerFunction(port, extra: new Dictionary<string, string>
                {
                    ["SNALERT_TARGET_FUNCTION_ARN"] = $"arn:aws:lambda:us-east-1:111111111111:function:{Alerting}:live",
                    ["SNALERT_TARGET_ROLE_ARN"] = RoleArn,
                    ["SNALERT_EXTERNAL_ID"] = "e2e-external-id",
                    ["SNALERT_STS_ENDPOINT"] = Sts.BaseUri.ToString(),
                    ["AWS_SESSION_TOKEN"] = "invoker-session",
                })),
            ],
            port: port);
    }

    /// <summary>What a subclass changes in a function before the emulator serves it: another build of the bootstrap.</summary>
    protected virtual FunctionDefinition Prepare(FunctionDefinition definition) => definition;

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        await Sts.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    private const string AssumeRoleResponse = """
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <SourceIdentity>servicenowalert-invoker</SourceIdentity>
            <AssumedRoleUser>
              <AssumedRoleId>AROAFAKE:servicenowalert-invoker</AssumedRoleId>
              <Arn>arn:aws:sts::111111111111:assumed-role/servicenowalert-cross-account-invoke/servicenowalert-invoker</Arn>
            </AssumedRoleUser>
            <Credentials>
              <AccessKeyId>ASIAASSUMED</AccessKeyId>
              <SecretAccessKey>assumed-secret</SecretAccessKey>
              <SessionToken>assumed-session-token</SessionToken>
              <Expiration>2099-01-01T00:00:00Z</Expiration>
            </Credentials>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """;
}
