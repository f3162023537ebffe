using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

public sealed class SecurityGroupTests
{
    private static IEnumerable<JsonObject> EveryRule() =>
        CloudFormationTemplate.All().SelectMany(template =>
            template.ResourcesOfType("AWS::EC2::SecurityGroup")
                .SelectMany(g => Intrinsics.Items(g.Properties["SecurityGroupEgress"]).Concat(Intrinsics.Items(g.Properties["SecurityGroupIngress"])))
                .Concat(template.ResourcesOfType("AWS::EC2::SecurityGroupEgress").Select(r => r.Properties))
                .Concat(template.ResourcesOfType("AWS::EC2::SecurityGroupIngress").Select(r => r.Properties)))
            .OfType<JsonObject>();

    [Fact]
    public void EveryRule_HasADescriptionAndNoOpenCidr()
    {
        var rules = EveryRule().ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule["Description"]?.GetValue<string>()), rule.ToJsonString());
            Assert.NotEqual("0.0.0.0/0", rule["CidrIp"]?.ToString());
            Assert.NotEqual("::/0", rule["CidrIpv6"]?.ToString());
        });
    }

    [Fact]
    public void FunctionSecurityGroup_HasNoIngressAndOnlySmtpAndEndpointEgress()
    {
        var group = CloudFormationTemplate.Load("callee.yaml").Properties("FunctionSecurityGroup");

        Assert.Null(group["SecurityGroupIngress"]);
        var egress = group["SecurityGroupEgress"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(2, egress.Count);
        Assert.Contains(egress, r => r["FromPort"]!.GetValue<long>() == 2525 && r["ToPort"]!.GetValue<long>() == 2525 && Intrinsics.IsRefTo(r["CidrIp"], "SmtpRelayCidr"));
        Assert.Contains(egress, r => r["FromPort"]!.GetValue<long>() == 443 && r["ToPort"]!.GetValue<long>() == 443 && Intrinsics.IsRefTo(r["DestinationSecurityGroupId"], "VpcEndpointSecurityGroupId"));
        Assert.All(egress, r => Assert.Equal("tcp", r["IpProtocol"]!.GetValue<string>()));
    }

    [Fact]
    public void IdempotencyTable_IsReachedOnlyThroughTheGatewayEndpointPrefixListOnHttps()
    {
        var template = CloudFormationTemplate.Load("callee.yaml");
        var egress = template.Properties("DynamoDbGatewayEgress");

        Assert.Equal("TableThroughGatewayEndpoint", template.ResourcesSection["DynamoDbGatewayEgress"]!["Condition"]!.GetValue<string>());
        Assert.True(Intrinsics.IsRefTo(egress["DestinationPrefixListId"], "DynamoDbPrefixListId"));
        Assert.Equal((443L, 443L, "tcp"), (egress["FromPort"]!.GetValue<long>(), egress["ToPort"]!.GetValue<long>(), egress["IpProtocol"]!.GetValue<string>()));
        Assert.Null(egress["CidrIp"]);
    }

    [Theory]
    [InlineData("10.20.30.40/32", true)]
    [InlineData("10.20.0.0/16", true)]
    [InlineData("0.0.0.0/0", false)]
    [InlineData("10.0.0.0/4", false)]
    [InlineData("relay.example.com", false)]
    public void SmtpRelayCidrParameter_RefusesOpenRanges(string value, bool accepted)
    {
        var pattern = CloudFormationTemplate.Load("callee.yaml").Parameter("SmtpRelayCidr")["AllowedPattern"]!.GetValue<string>();

        Assert.Equal(accepted, Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void AlertingFunction_RunsInTheParameterSubnetsWithItsGroup()
    {
        var vpc = CloudFormationTemplate.Load("callee.yaml").Properties("AlertingFunction")["VpcConfig"]!;

        Assert.True(Intrinsics.IsRefTo(vpc["SubnetIds"], "SubnetIds"));
        Assert.True(Intrinsics.IsRefTo(Assert.Single(vpc["SecurityGroupIds"]!.AsArray()), "FunctionSecurityGroup"));
    }
}
