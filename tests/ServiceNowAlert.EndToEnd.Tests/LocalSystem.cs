using ServiceNowAlert.LambdaEmulator;
using ServiceNowAlert.Testing;
using ServiceNowAlert.Testing.Http;
using ServiceNowAlert.Testing.Smtp;

namespace ServiceNowAlert.EndToEnd.Tests;

/// <summary>
/// The whole system on loopback: a fake STS (the only AWS piece faked), the emulator running the real invoker and
/// alerting bootstraps (JIT builds), and the real SMTP test server.
/// </summary>
public sealed class LocalSystem : IAsyncLifetime
{
    public const string Invoker = "servicenowalert-invoker";
    public const string Alerting = "servicenowalert-alerting";
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
                new FunctionDefinition
                {
                    Name = Alerting,
                    FileName = "dotnet",
                    Arguments = [Build("consumer", "ServiceNowAlert.Alerting.Function")],
                    Concurrency = 2,
                    Environment = new Dictionary<string, string>
                    {
                        ["SNALERT_SMTP_HOST"] = Smtp.Host,
                        ["SNALERT_SMTP_PORT"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["SNALERT_SMTP_CA_FILE"] = Smtp.CaFile,
                        ["SNALERT_SMTP_USERNAME"] = Smtp.User,
                        ["SNALERT_SMTP_PASSWORD"] = Smtp.Password,
                        ["SNALERT_ROUTES_FILE"] = RepositoryPaths.Combine("samples", "routes", "routes.json"),
                        ["SNALERT_REPEAT_INTERVAL_SECONDS"] = "0",
                    },
                },
                new FunctionDefinition
                {
                    Name = Invoker,
                    FileName = "dotnet",
                    Arguments = [Build("producer", "ServiceNowAlert.Invoker.Function")],
                    Environment = new Dictionary<string, string>
                    {
                        ["SNALERT_TARGET_FUNCTION_ARN"] = $"arn:aws:lambda:us-east-1:111111111111:function:{Alerting}:live",
                        ["SNALERT_TARGET_ROLE_ARN"] = RoleArn,
                        ["SNALERT_EXTERNAL_ID"] = "e2e-external-id",
                        ["SNALERT_STS_ENDPOINT"] = Sts.BaseUri.ToString(),
                        ["SNALERT_LAMBDA_ENDPOINT"] = $"http://127.0.0.1:{port}/",
                        ["AWS_ACCESS_KEY_ID"] = "AKIDINVOKER",
                        ["AWS_SECRET_ACCESS_KEY"] = "invoker-secret",
                        ["AWS_SESSION_TOKEN"] = "invoker-session",
                    },
                },
            ],
            port: port);
    }

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        await Sts.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    private static string Build(string side, string project) =>
        RepositoryPaths.Combine(side, project, "bin", "Release", "net10.0", "bootstrap.dll");

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
