using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

public sealed class CrossAccountTests
{
    private static readonly CloudFormationTemplate Callee = CloudFormationTemplate.Load("callee.yaml");

    private static List<PolicyStatement> TrustStatements() =>
        Callee.PolicyStatements().Where(s => s.ResourceId == "CrossAccountRole" && s.Kind == PolicyKind.Trust).ToList();

    [Fact]
    public void TrustPolicy_HasAListedRolesStatementAndAnOrganizationStatement_EachUnderItsOwnCondition()
    {
        var document = Callee.Properties("CrossAccountRole")["AssumeRolePolicyDocument"]!["Statement"]!.AsArray();

        Assert.Equal(["HasInvokerRoleArns", "HasOrganization"], document.Select(s => s!["Fn::If"]![0]!.GetValue<string>()));
        Assert.All(document, s => Assert.True(Intrinsics.IsNoValue(s!["Fn::If"]![2])));
        var statements = TrustStatements();
        Assert.Equal(2, statements.Count);
        Assert.All(statements, s => Assert.True(s.IsAllow));
        Assert.All(statements, s => Assert.Equal(["sts:AssumeRole", "sts:SetSourceIdentity"], s.Actions));
    }

    [Fact]
    public void ListedRolesStatement_NamesTheListAsPrincipals()
    {
        var listed = Assert.Single(TrustStatements(), s => s.Statement["Sid"]!.GetValue<string>() == "ListedInvokerRolesWithSourceIdentity");

        var principal = Assert.Single(listed.Statement["Principal"]!.AsObject());
        Assert.Equal("AWS", principal.Key);
        Assert.True(Intrinsics.IsRefTo(principal.Value, "InvokerRoleArns"), principal.Value?.ToJsonString());
    }

    [Fact]
    public void OrganizationStatement_NamesEveryoneOnlyWithTheOrganizationAndTheRoleName()
    {
        var organization = Assert.Single(TrustStatements(), s => s.Statement["Sid"]!.GetValue<string>() == "OrganizationInvokerRoleWithSourceIdentity");
        var condition = organization.Statement["Condition"]!.AsObject();

        Assert.Equal(["*"], organization.Principals);
        Assert.All(Intrinsics.Branches(condition["StringEquals"]), b => Assert.True(Intrinsics.IsRefTo(b!["aws:PrincipalOrgID"], "OrganizationId")));
        Assert.Equal("""{"Fn::Sub":"arn:${AWS::Partition}:iam::*:role/${InvokerRoleName}"}""", condition["ArnLike"]!["aws:PrincipalArn"]!.ToJsonString());
    }

    [Fact]
    public void TrustStatements_RequireSourceIdentityAndOptionallyExternalId()
    {
        foreach (var statement in TrustStatements())
        {
            var condition = statement.Statement["Condition"]!.AsObject();

            Assert.Equal("false", condition["Null"]?["sts:SourceIdentity"]?.GetValue<string>());
            var keys = Intrinsics.Branches(condition["StringEquals"]).SelectMany(b => b!.AsObject().Select(p => p.Key)).ToHashSet();
            Assert.Contains("sts:ExternalId", keys);
            Assert.Equal("HasExternalId", condition["StringEquals"]!["Fn::If"]![0]!.GetValue<string>());
        }
    }

    [Fact]
    public void CallerInvokerRoleName_AndCalleeInvokerRoleName_AcceptTheSameNames()
    {
        var caller = CloudFormationTemplate.Load("caller.yaml").Parameter("InvokerRoleName");
        var callee = Callee.Parameter("InvokerRoleName");

        Assert.Equal(caller["AllowedPattern"]!.GetValue<string>(), callee["AllowedPattern"]!.GetValue<string>());
        Assert.Equal(caller["Default"]!.GetValue<string>(), callee["Default"]!.GetValue<string>());
    }

    [Fact]
    public void CrossAccountRole_MayOnlyInvokeTheAlias()
    {
        var grants = Callee.PolicyStatements().Where(s => s.ResourceId == "CrossAccountRole" && s.Kind == PolicyKind.Identity).ToList();

        var grant = Assert.Single(grants);
        Assert.Equal(["lambda:InvokeFunction"], grant.Actions);
        Assert.True(Intrinsics.IsRefTo(grant.Statement["Resource"], "FunctionAlias"));
    }

    // The producers only ever reach the function through the cross-account role in this account, so the function's
    // resource policy names that role and stays the same however many producers the trust policy admits.
    [Fact]
    public void InvokePermission_NamesTheCrossAccountRoleNeverAnAccountOrStar()
    {
        var permission = Callee.Properties("CrossAccountInvokePermission");

        Assert.Equal("""{"Fn::GetAtt":["CrossAccountRole","Arn"]}""", permission["Principal"]!.ToJsonString());
        Assert.True(Intrinsics.IsRefTo(permission["FunctionName"], "FunctionAlias"));
        Assert.Equal("lambda:InvokeFunction", permission["Action"]!.GetValue<string>());
        Assert.Null(permission["PrincipalOrgID"]);
    }

    [Fact]
    public void Outputs_GiveTheAliasArnAndTheRoleArn()
    {
        var outputs = Callee.Root["Outputs"]!.AsObject();

        Assert.True(Intrinsics.IsRefTo(outputs["FunctionAliasArn"]?["Value"], "FunctionAlias"));
        Assert.Contains(":role/${CrossAccountRoleName}", outputs["CrossAccountRoleArn"]?["Value"]?["Fn::Sub"]?.GetValue<string>(), StringComparison.Ordinal);
    }
}
