using ServiceNowAlert.Contracts;
using ServiceNowAlert.Invoker;
using ServiceNowAlert.Testing.Http;

namespace ServiceNowAlert.Producer.Tests;

/// <summary>The invoker speaks for its own account: the id from its invoked function ARN, the name from its setting.</summary>
public sealed class ProducerIdentityTests
{
    private const string TargetArn = "arn:aws:lambda:eu-west-1:999999999999:function:servicenowalert-alerting:live";

    [Theory]
    [InlineData("arn:aws:lambda:eu-west-1:111111111111:function:servicenowalert-invoker", "111111111111")]
    [InlineData("arn:aws:lambda:eu-west-1:222222222222:function:servicenowalert-invoker:live", "222222222222")]
    [InlineData("arn:aws-us-gov:lambda:us-gov-west-1:333333333333:function:f", "333333333333")]
    [InlineData("arn:aws:lambda:eu-west-1:12345:function:f", null)]
    [InlineData("arn:aws:sqs:eu-west-1:111111111111:function:f", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void FromInvokedFunctionArn_TakesTheAccountOfTheArn(string? arn, string? expected)
    {
        Assert.Equal(expected, ProducerIdentity.FromInvokedFunctionArn(arn, "Payments prod")?.Account);
    }

    [Fact]
    public void FromEnvironment_AccountName_IsKept()
    {
        var settings = Settings(new() { ["SNALERT_ACCOUNT_NAME"] = " Payments prod " });

        Assert.Equal("Payments prod", settings.AccountName);
    }

    [Theory]
    [InlineData("Pay\u0007ments", "SNALERT_ACCOUNT_NAME: producer name must be a single line without control characters")]
    [InlineData("Payments\u2028prod", "control characters")]
    public void FromEnvironment_AccountNameWithAControlCharacter_FailsStartUpInOneLine(string name, string expected)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Settings(new() { ["SNALERT_ACCOUNT_NAME"] = name }));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public void FromEnvironment_AccountNameTooLong_FailsStartUpSayingTheLimit()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Settings(new() { ["SNALERT_ACCOUNT_NAME"] = new string('n', 65) }));

        Assert.Contains("SNALERT_ACCOUNT_NAME: producer name must be at most 64 characters, got 65", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_WithAProducer_StampsItOnEveryAlertOverWhatTheRequestClaimed()
    {
        await using var lambda = new LoopbackHttpServer(_ => CannedResponse.Json(Fakes.Receipt("inv-1")));
        var claimed = Fakes.Alert("inv-1") with { Producer = new AlertProducer("999999999999", "Someone else") };
        var service = new InvokerService(
            Settings([]),
            roles: null,
            _ => Task.FromResult<Amazon.Runtime.AWSCredentials>(Fakes.Credentials),
            new ServiceNowAlert.AwsClients.LambdaInvokeClient(new HttpClient(), "eu-west-1", lambda.BaseUri, TimeProvider.System),
            TimeProvider.System);

        await service.HandleAsync(AlertJson.Serialize(claimed), TimeProvider.System.GetUtcNow().AddSeconds(30), default, new AlertProducer("111111111111", "Payments prod"));
        await service.HandleAsync(AlertJson.Serialize(Fakes.Alert("inv-1")), TimeProvider.System.GetUtcNow().AddSeconds(30), default);

        var sent = lambda.Requests.Select(request => AlertRequestReader.Read(request.Body).Request!.Producer).ToList();
        Assert.Equal([new AlertProducer("111111111111", "Payments prod"), null], sent);
    }

    private static InvokerSettings Settings(Dictionary<string, string> extra)
    {
        extra["SNALERT_TARGET_FUNCTION_ARN"] = TargetArn;
        return InvokerSettings.FromEnvironment(extra);
    }
}
