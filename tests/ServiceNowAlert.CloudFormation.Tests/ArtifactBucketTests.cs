using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

public sealed class ArtifactBucketTests
{
    private static readonly CloudFormationTemplate Template = CloudFormationTemplate.Load("artifact-bucket.yaml");

    [Fact]
    public void Key_RotatesAndSeparatesAdministratorsUsersAndTheAccountRoot()
    {
        var key = Template.Properties("ArtifactKey");
        var statements = Template.PolicyStatements().Where(s => s.ResourceId == "ArtifactKey").ToList();

        Assert.True(key["EnableKeyRotation"]!.GetValue<bool>());
        Assert.Contains(statements, s => s.Principals.Any(p => p.Contains(":root", StringComparison.Ordinal)));
        Assert.Contains(statements, s => s.Principals.SequenceEqual(["""{"Ref":"KeyAdministratorArns"}"""]) && s.Actions.Contains("kms:ScheduleKeyDeletion"));
        var users = Assert.Single(statements, s => s.Principals.SequenceEqual(["""{"Ref":"ArtifactUserArns"}"""]));
        Assert.DoesNotContain(users.Actions, a => a.Contains("Delete", StringComparison.Ordinal) || a.Contains("Put", StringComparison.Ordinal));
        Assert.Single(Template.ResourcesOfType("AWS::KMS::Alias"));
    }

    [Fact]
    public void Bucket_IsEncryptedVersionedPrivateAndOwnerEnforced()
    {
        var bucket = Template.Properties("ArtifactBucket");

        var rule = bucket["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!;
        Assert.True(rule["BucketKeyEnabled"]!.GetValue<bool>());
        Assert.Equal("aws:kms", rule["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]!.GetValue<string>());
        Assert.Equal("""{"Fn::GetAtt":["ArtifactKey","Arn"]}""", rule["ServerSideEncryptionByDefault"]!["KMSMasterKeyID"]!.ToJsonString());
        Assert.Equal("Enabled", bucket["VersioningConfiguration"]!["Status"]!.GetValue<string>());
        var block = bucket["PublicAccessBlockConfiguration"]!.AsObject();
        Assert.Equal(4, block.Count);
        Assert.All(block, setting => Assert.True(setting.Value!.GetValue<bool>()));
        Assert.Equal("BucketOwnerEnforced", bucket["OwnershipControls"]!["Rules"]![0]!["ObjectOwnership"]!.GetValue<string>());
        Assert.NotNull(bucket["LifecycleConfiguration"]!["Rules"]![0]!["NoncurrentVersionExpiration"]);
        var logging = bucket["LoggingConfiguration"]!["Fn::If"]!.AsArray();
        Assert.Equal("HasAccessLogBucket", logging[0]!.GetValue<string>());
        Assert.True(Intrinsics.IsRefTo(logging[1]!["DestinationBucketName"], "AccessLogBucketName"));
    }

    [Fact]
    public void KeyAndBucket_AreRetained()
    {
        foreach (var id in new[] { "ArtifactKey", "ArtifactBucket" })
        {
            var resource = Template.ResourcesSection[id]!;
            Assert.Equal("Retain", resource["DeletionPolicy"]!.GetValue<string>());
            Assert.Equal("Retain", resource["UpdateReplacePolicy"]!.GetValue<string>());
        }
    }

    [Fact]
    public void BucketPolicy_DeniesPlainHttp()
    {
        var deny = Assert.Single(BucketStatements(), s => s.Statement["Condition"]?["Bool"]?["aws:SecureTransport"] is not null);

        Assert.True(deny.IsDeny);
        Assert.Equal("false", deny.Statement["Condition"]!["Bool"]!["aws:SecureTransport"]!.GetValue<string>());
        Assert.Equal(["s3:*"], deny.Actions);
    }

    [Fact]
    public void BucketPolicy_DeniesUploadsNotEncryptedUnderThisKey()
    {
        var denies = BucketStatements().Where(s => s.IsDeny && s.Actions.SequenceEqual(["s3:PutObject"])).ToList();

        Assert.Contains(denies, s => s.Statement["Condition"]?["StringNotEquals"]?["s3:x-amz-server-side-encryption"]?.GetValue<string>() == "aws:kms");
        Assert.Contains(denies, s => s.Statement["Condition"]?["StringNotEquals"]?["s3:x-amz-server-side-encryption-aws-kms-key-id"]?.ToJsonString()
            == """{"Fn::GetAtt":["ArtifactKey","Arn"]}""");
    }

    [Fact]
    public void BucketPolicy_DeniesPolicyChangesExceptByAdministrators()
    {
        var deny = Assert.Single(BucketStatements(), s => s.Actions.Contains("s3:PutBucketPolicy"));

        Assert.True(deny.IsDeny);
        Assert.Contains("s3:DeleteBucketPolicy", deny.Actions);
        Assert.True(Intrinsics.IsRefTo(deny.Statement["Condition"]!["ArnNotLike"]!["aws:PrincipalArn"], "KeyAdministratorArns"));
    }

    // Besides the ReaderOrganizationId statement, which ArtifactBucketOrganizationReadTests evaluates.
    [Fact]
    public void BucketPolicy_GrantsOnlyTheNamedPrincipals()
    {
        var allows = BucketStatements().Where(s => s.IsAllow && s.Statement["Sid"]?.GetValue<string>() != "ReaderOrganizationReadsInvokerArtifacts").ToList();

        Assert.NotEmpty(allows);
        Assert.All(allows, s => Assert.Equal(["""{"Ref":"ArtifactUserArns"}"""], s.Principals));
        Assert.All(allows.SelectMany(s => s.Actions), a => Assert.Contains(a, new[] { "s3:ListBucket", "s3:GetObject", "s3:GetObjectVersion", "s3:PutObject" }));
    }

    private static List<PolicyStatement> BucketStatements() =>
        Template.PolicyStatements().Where(s => s.ResourceId == "ArtifactBucketPolicy").ToList();
}
