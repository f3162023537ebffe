using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

public sealed class LogGroupTests
{
    [Fact]
    public void EveryLogGroup_HasRetentionAndACustomerManagedKey()
    {
        var logGroups = CloudFormationTemplate.All().SelectMany(t => t.ResourcesOfType("AWS::Logs::LogGroup")).ToList();

        Assert.Equal(2, logGroups.Count);
        Assert.All(logGroups, group =>
        {
            Assert.NotNull(group.Properties["RetentionInDays"]);
            Assert.StartsWith("{\"Fn::GetAtt\":[", group.Properties["KmsKeyId"]!.ToJsonString(), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("callee.yaml", "AlertingFunction", "FunctionLogGroup")]
    [InlineData("caller.yaml", "InvokerFunction", "InvokerLogGroup")]
    public void Functions_LogJsonToTheirOwnLogGroup(string fileName, string functionId, string logGroupId)
    {
        var logging = CloudFormationTemplate.Load(fileName).Properties(functionId)["LoggingConfig"]!;

        Assert.Equal("JSON", logging["LogFormat"]!.GetValue<string>());
        Assert.True(Intrinsics.IsRefTo(logging["LogGroup"], logGroupId));
    }

    [Fact]
    public void Subscription_RefusesTheInvokersOwnLogGroup()
    {
        var rule = CloudFormationTemplate.Load("caller.yaml").Root["Rules"]!["SubscriptionIsNotTheInvokersOwnLogGroup"]!;

        var compared = rule["Assertions"]![0]!["Assert"]!["Fn::Not"]![0]!["Fn::Equals"]!.AsArray();
        Assert.True(Intrinsics.IsRefTo(compared[0], "SubscriptionLogGroupName"));
        Assert.True(Intrinsics.IsRefTo(compared[1], "LogGroupName"));
        var invokerLogGroup = CloudFormationTemplate.Load("caller.yaml").Properties("InvokerLogGroup");
        Assert.True(Intrinsics.IsRefTo(invokerLogGroup["LogGroupName"], "LogGroupName"));
    }
}
