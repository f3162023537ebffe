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

    // The parameter every branch of a statement's StringEquals names as aws:PrincipalOrgID, or null.
    private static string? OrganizationParameter(PolicyStatement statement)
    {
        var names = Intrinsics.Branches(statement.Statement["Condition"]?["StringEquals"])
            .Select(b => b?["aws:PrincipalOrgID"]?["Ref"]?.GetValue<string>())
            .Distinct()
            .ToList();
        return names.Count == 1 ? names[0] : null;
    }

    [Fact]
    public void Policies_AreFoundInEveryTemplate()
    {
        Assert.All(CloudFormationTemplate.All(), template => Assert.NotEmpty(template.PolicyStatements()));
    }

    // The exceptions are organisation statements: the cross-account trust, which also needs the invoker role's name,
    // and the artifact bucket's read of invoker/* (bucket policy and key policy). Each holds aws:PrincipalOrgID as the
    // Ref of its organisation parameter, which is never empty there (W1030's test checks the Fn::If requires it set).
    [Fact]
    public void AllowStatements_NameAWildcardPrincipalOnlyWithinTheOrganization()
    {
        var wildcards = AllStatements()
            .Where(s => s.IsAllow && s.Principals.Any(p => p == "*" || p.EndsWith(":*", StringComparison.Ordinal)))
            .ToList();

        Assert.Equal(
            [
                ("artifact-bucket.yaml", "ArtifactKey", PolicyKind.Key, "ReaderOrganizationId"),
                ("artifact-bucket.yaml", "ArtifactBucketPolicy", PolicyKind.Resource, "ReaderOrganizationId"),
                ("callee.yaml", "CrossAccountRole", PolicyKind.Trust, "OrganizationId"),
            ],
            wildcards.Select(s => (s.Template, s.ResourceId, s.Kind, OrganizationParameter(s))));
        var trust = wildcards.Single(s => s.Kind == PolicyKind.Trust);
        Assert.EndsWith(":role/${InvokerRoleName}\"}", trust.Statement["Condition"]!["ArnLike"]!["aws:PrincipalArn"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ArtifactBucket_OrganizationStatements_ReadOnlyInvokerZipsAndDecryptOnlyThroughS3()
    {
        var statements = CloudFormationTemplate.Load("artifact-bucket.yaml").PolicyStatements()
            .Where(s => s.IsAllow && s.Principals.Contains("*")).ToList();

        var read = Assert.Single(statements, s => s.Kind == PolicyKind.Resource);
        Assert.Equal(["s3:GetObject"], read.Actions);
        Assert.Equal(["""{"Fn::Sub":"${ArtifactBucket.Arn}/invoker/*"}"""], read.Resources);
        var decrypt = Assert.Single(statements, s => s.Kind == PolicyKind.Key);
        Assert.Equal(["kms:Decrypt"], decrypt.Actions);
        Assert.Equal("""{"Fn::Sub":"s3.${AWS::Region}.amazonaws.com"}""", decrypt.Statement["Condition"]!["StringEquals"]!["kms:ViaService"]!.ToJsonString());
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
