using System.Text.Json.Nodes;
using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

public sealed class DeadLetterQueueTests
{
    private static readonly CloudFormationTemplate Caller = CloudFormationTemplate.Load("caller.yaml");

    [Theory]
    [InlineData("AlarmStateChangeRule", "AlarmRuleDeadLetterQueue")]
    [InlineData("AppAlertRule", "AppRuleDeadLetterQueue")]
    public void EveryRule_HasRetryPolicyAndItsOwnEncryptedDeadLetterQueue(string ruleId, string queueId)
    {
        var target = Assert.Single(Caller.Properties(ruleId)["Targets"]!.AsArray())!;

        Assert.True(Intrinsics.IsRefTo(target["Arn"], "InvokerAlias"));
        Assert.NotNull(target["RetryPolicy"]?["MaximumRetryAttempts"]);
        Assert.NotNull(target["RetryPolicy"]?["MaximumEventAgeInSeconds"]);
        Assert.Equal($$"""{"Fn::GetAtt":["{{queueId}}","Arn"]}""", target["DeadLetterConfig"]!["Arn"]!.ToJsonString());
        AssertEncrypted(queueId);
    }

    [Theory]
    [InlineData("AlarmRuleDeadLetterQueuePolicy", "AlarmStateChangeRule")]
    [InlineData("AppRuleDeadLetterQueuePolicy", "AppAlertRule")]
    public void DeadLetterQueuePolicies_AdmitOnlyTheirRule(string policyId, string ruleId)
    {
        var statement = Assert.Single(Caller.PolicyStatements(), s => s.ResourceId == policyId);

        Assert.Equal(["events.amazonaws.com"], statement.Principals);
        Assert.Equal(["sqs:SendMessage"], statement.Actions);
        Assert.Equal($$"""{"Fn::GetAtt":["{{ruleId}}","Arn"]}""", statement.Statement["Condition"]!["ArnEquals"]!["aws:SourceArn"]!.ToJsonString());
    }

    [Fact]
    public void AsyncInvokeConfig_SendsFailuresToAnEncryptedQueueTheInvokerMayWrite()
    {
        var config = Assert.Single(Caller.ResourcesOfType("AWS::Lambda::EventInvokeConfig")).Properties;

        Assert.NotNull(config["MaximumRetryAttempts"]);
        Assert.NotNull(config["MaximumEventAgeInSeconds"]);
        Assert.Equal("""{"Fn::GetAtt":["InvokeFailureQueue","Arn"]}""", config["DestinationConfig"]!["OnFailure"]!["Destination"]!.ToJsonString());
        AssertEncrypted("InvokeFailureQueue");
        var statement = Assert.Single(Caller.PolicyStatements(), s => s.ResourceId == "InvokeFailureQueuePolicy");
        Assert.Equal(["""{"Fn::GetAtt":["InvokerRole","Arn"]}"""], statement.Principals);
    }

    [Fact]
    public void EveryQueue_IsEncryptedWithTheCallerKey()
    {
        var queues = Caller.ResourcesOfType("AWS::SQS::Queue").ToList();

        Assert.Equal(3, queues.Count);
        Assert.All(queues, q => AssertEncrypted(q.Id));
    }

    [Theory]
    [InlineData("AlarmRuleInvokePermission", "events.amazonaws.com")]
    [InlineData("AppRuleInvokePermission", "events.amazonaws.com")]
    [InlineData("LogsInvokePermission", "logs.amazonaws.com")]
    public void InvokePermissions_AreScopedBySourceArnAndSourceAccount(string permissionId, string principal)
    {
        var permission = Caller.Properties(permissionId);

        Assert.Equal(principal, permission["Principal"]!.GetValue<string>());
        Assert.NotNull(permission["SourceArn"]);
        Assert.True(Intrinsics.IsRefTo(permission["SourceAccount"], "AWS::AccountId"));
    }

    private static void AssertEncrypted(string queueId) =>
        Assert.Equal("""{"Fn::GetAtt":["CallerKey","Arn"]}""", Caller.Properties(queueId)["KmsMasterKeyId"]?.ToJsonString());
}
