using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

public sealed class IamPolicyTests
{
    // The actions Lambda needs to attach a VPC function's network interfaces (AWS's Lambda guide, "Execution role and
    // user permissions"); only the two Describe actions cannot be scoped to a resource.
    private static readonly HashSet<string> EniActions = new(StringComparer.Ordinal)
    {
        "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
        "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
    };

    private const string ThisAccountEc2 = "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:";

    private static IEnumerable<PolicyStatement> AllStatements() =>
        CloudFormationTemplate.All().SelectMany(t => t.PolicyStatements());

    [Fact]
    public void Policies_AreFoundInEveryTemplate()
    {
        Assert.All(CloudFormationTemplate.All(), template => Assert.NotEmpty(template.PolicyStatements()));
    }

    // The one exception, the organisation statement of the cross-account trust, needs both conditions: the
    // organisation ID (never empty there: its Fn::If requires OrganizationId set) and the invoker role's name.
    [Fact]
    public void AllowStatements_NameAWildcardPrincipalOnlyWithinTheOrganizationAndForTheInvokerRoleName()
    {
        var wildcards = AllStatements()
            .Where(s => s.IsAllow && s.Principals.Any(p => p == "*" || p.EndsWith(":*", StringComparison.Ordinal)))
            .ToList();

        var statement = Assert.Single(wildcards);
        Assert.Equal(("callee.yaml", "CrossAccountRole", PolicyKind.Trust), (statement.Template, statement.ResourceId, statement.Kind));
        var condition = statement.Statement["Condition"]!;
        Assert.All(Intrinsics.Branches(condition["StringEquals"]), b => Assert.True(Intrinsics.IsRefTo(b!["aws:PrincipalOrgID"], "OrganizationId")));
        Assert.EndsWith(":role/${InvokerRoleName}\"}", condition["ArnLike"]!["aws:PrincipalArn"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Statements_NeverGrantEveryAction()
    {
        var offenders = AllStatements()
            .Where(s => s.IsAllow && s.Actions.Any(a => a is "*" or "*:*"))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void IdentityAndTrustPolicies_UseNoActionWildcards()
    {
        var offenders = AllStatements()
            .Where(s => s.Kind is PolicyKind.Identity or PolicyKind.Trust && s.Actions.Any(a => a.Contains('*', StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offenders);
    }

    // In a key policy "*" means the key itself, so only identity policies can over-reach with Resource "*";
    // there it may only serve actions that read nothing but descriptions (checkov CKV_AWS_111, cfn_nag W11).
    [Fact]
    public void IdentityPolicies_UseResourceStarOnlyForTheEniDescribeActions()
    {
        var starStatements = AllStatements()
            .Where(s => s.Kind is PolicyKind.Identity && s.Resources.Contains("*"))
            .ToList();

        var statement = Assert.Single(starStatements);
        Assert.Equal(["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"], statement.Actions);
    }

    [Fact]
    public void AlertingRole_ManagesNetworkInterfacesOnlyInItsOwnAccountRegionAndSecurityGroup()
    {
        var statements = CloudFormationTemplate.Load("callee.yaml").PolicyStatements()
            .Where(s => s.ResourceId == "FunctionRole" && s.Kind == PolicyKind.Identity).ToList();

        Assert.Subset(statements.SelectMany(s => s.Actions).ToHashSet(), EniActions);
        var manage = Assert.Single(statements, s => s.Actions.Contains("ec2:CreateNetworkInterface"));
        Assert.Equal(["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"], manage.Actions);
        Assert.Equal(
            [
                $$"""{"Fn::Sub":"{{ThisAccountEc2}}network-interface/*"}""",
                $$"""{"Fn::Sub":"{{ThisAccountEc2}}subnet/*"}""",
                $$"""{"Fn::Sub":"{{ThisAccountEc2}}security-group/${FunctionSecurityGroup}"}""",
            ],
            manage.Resources);
    }

    [Fact]
    public void ResourcePolicies_NeverUseResourceStar()
    {
        var offenders = AllStatements().Where(s => s.Kind is PolicyKind.Resource && s.Resources.Contains("*")).ToList();

        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("callee.yaml", "FunctionRole", "/aws/lambda/${FunctionName}:*")]
    [InlineData("caller.yaml", "InvokerRole", ":log-group:${LogGroupName}:*")]
    public void ExecutionRoles_WriteOnlyToTheirOwnLogGroup(string fileName, string roleId, string expectedResourceEnd)
    {
        var logStatements = CloudFormationTemplate.Load(fileName).PolicyStatements()
            .Where(s => s.ResourceId == roleId && s.Kind == PolicyKind.Identity && s.Actions.Any(a => a.StartsWith("logs:", StringComparison.Ordinal)))
            .ToList();

        var statement = Assert.Single(logStatements);
        var resource = Assert.Single(statement.Resources);
        Assert.EndsWith(expectedResourceEnd + "\"}", resource, StringComparison.Ordinal);
        Assert.Equal(["logs:CreateLogStream", "logs:PutLogEvents"], statement.Actions);
    }

    [Fact]
    public void AlertingRole_ReadsOnlyTheSmtpParameterAndDecryptsOnlyItsKeys()
    {
        var statements = CloudFormationTemplate.Load("callee.yaml").PolicyStatements()
            .Where(s => s.ResourceId == "FunctionRole" && s.Kind == PolicyKind.Identity).ToList();

        var ssm = Assert.Single(statements, s => s.Actions.Contains("ssm:GetParameter"));
        Assert.Equal(["ssm:GetParameter"], ssm.Actions);
        Assert.All(ssm.Resources, r => Assert.Contains(":parameter", r, StringComparison.Ordinal));
        Assert.Contains(ssm.Resources, r => r.Contains("parameter/aws/reference/secretsmanager/${SmtpSecretName}", StringComparison.Ordinal));
        var kms = Assert.Single(statements, s => s.Actions.Contains("kms:Decrypt"));
        Assert.Equal(["kms:Decrypt"], kms.Actions);
        Assert.DoesNotContain("*", kms.Resources);
        var table = Assert.Single(statements, s => s.Actions.Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)));
        Assert.Equal("""{"Fn::GetAtt":["IdempotencyTable","Arn"]}""", Assert.Single(table.Resources));
        Assert.Equal(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"], table.Actions);
    }

    [Fact]
    public void InvokerRole_AssumesOnlyTheOneCrossAccountRole()
    {
        var statements = CloudFormationTemplate.Load("caller.yaml").PolicyStatements()
            .Where(s => s.ResourceId == "InvokerRole" && s.Kind == PolicyKind.Identity).ToList();

        var sts = Assert.Single(statements, s => s.Actions.Any(a => a.StartsWith("sts:", StringComparison.Ordinal)));
        Assert.Equal(["sts:AssumeRole", "sts:SetSourceIdentity"], sts.Actions);
        Assert.Equal("""{"Ref":"TargetRoleArn"}""", Assert.Single(sts.Resources));
    }
}
