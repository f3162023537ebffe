using System.Text.RegularExpressions;
using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

public sealed class CrossAccountTests
{
    private static readonly CloudFormationTemplate Callee = CloudFormationTemplate.Load("callee.yaml");

    private static PolicyStatement TrustStatement() =>
        Assert.Single(Callee.PolicyStatements(), s => s.ResourceId == "CrossAccountRole" && s.Kind == PolicyKind.Trust);

    [Fact]
    public void TrustPolicy_NamesOnlyTheInvokerRoleArn()
    {
        var trust = TrustStatement();

        Assert.True(trust.IsAllow);
        var principal = Assert.Single(trust.Statement["Principal"]!.AsObject());
        Assert.Equal("AWS", principal.Key);
        Assert.True(Intrinsics.IsRefTo(principal.Value, "InvokerRoleArn"), principal.Value?.ToJsonString());
        Assert.Equal(["sts:AssumeRole", "sts:SetSourceIdentity"], trust.Actions);
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/servicenowalert-invoker", true)]
    [InlineData("arn:aws:iam::111122223333:root", false)]
    [InlineData("111122223333", false)]
    [InlineData("*", false)]
    [InlineData("arn:aws:iam::111122223333:user/alice", false)]
    public void InvokerRoleArnParameter_AcceptsOnlyARoleArn(string value, bool accepted)
    {
        var pattern = Callee.Parameter("InvokerRoleArn")["AllowedPattern"]!.GetValue<string>();

        Assert.Equal(accepted, Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void TrustPolicy_RequiresSourceIdentityAndOptionallyExternalIdAndOrganization()
    {
        var condition = TrustStatement().Statement["Condition"]!.AsObject();

        Assert.Equal("false", condition["Null"]?["sts:SourceIdentity"]?.GetValue<string>());
        var keys = Intrinsics.Branches(condition["StringEquals"]).SelectMany(b => b!.AsObject().Select(p => p.Key)).ToHashSet();
        Assert.Equal(new HashSet<string> { "sts:ExternalId", "aws:PrincipalOrgID" }, keys);
    }

    [Fact]
    public void CrossAccountRole_MayOnlyInvokeTheAlias()
    {
        var grants = Callee.PolicyStatements().Where(s => s.ResourceId == "CrossAccountRole" && s.Kind == PolicyKind.Identity).ToList();

        var grant = Assert.Single(grants);
        Assert.Equal(["lambda:InvokeFunction"], grant.Actions);
        Assert.True(Intrinsics.IsRefTo(grant.Statement["Resource"], "FunctionAlias"));
    }

    [Fact]
    public void InvokePermission_NamesTheCrossAccountRoleNeverAnAccountOrStar()
    {
        var permission = Callee.Properties("CrossAccountInvokePermission");

        Assert.Equal("""{"Fn::GetAtt":["CrossAccountRole","Arn"]}""", permission["Principal"]!.ToJsonString());
        Assert.True(Intrinsics.IsRefTo(permission["FunctionName"], "FunctionAlias"));
        Assert.Equal("lambda:InvokeFunction", permission["Action"]!.GetValue<string>());
    }

    [Fact]
    public void Outputs_GiveTheAliasArnAndTheRoleArn()
    {
        var outputs = Callee.Root["Outputs"]!.AsObject();

        Assert.True(Intrinsics.IsRefTo(outputs["FunctionAliasArn"]?["Value"], "FunctionAlias"));
        Assert.Contains(":role/${CrossAccountRoleName}", outputs["CrossAccountRoleArn"]?["Value"]?["Fn::Sub"]?.GetValue<string>(), StringComparison.Ordinal);
    }
}
