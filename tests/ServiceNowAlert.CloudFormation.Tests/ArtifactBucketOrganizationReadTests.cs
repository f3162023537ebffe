using System.Text.Json.Nodes;
using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

/// <summary>
/// One artifact bucket for every caller of an organisation (ReaderOrganizationId): the bucket and key policies,
/// resolved as CloudFormation creates them and evaluated as S3 and KMS do, let a principal of the organisation read
/// the invoker zips and decrypt them through S3, and nothing more; with the parameter empty they are today's.
/// </summary>
public sealed class ArtifactBucketOrganizationReadTests
{
    private const string Organization = "o-a1b2c3d4e5";
    private const string OtherOrganization = "o-zzzzzzzzzz";
    private const string MemberAccount = "222222222222";
    private const string OtherOrganizationAccount = "555555555555";
    private const string StandaloneAccount = "666666666666";
    private const string ViaS3 = "s3." + ResolvedTemplate.Region + ".amazonaws.com";

    // The role a service-managed StackSet creates the caller stack with, in a member account.
    private const string MemberRole = $"arn:aws:iam::{MemberAccount}:role/stacksets-exec-0123456789abcdef0123456789abcdef";
    private const string ArtifactUser = $"arn:aws:iam::{ArtifactBucketDeployment.PublishingAccount}:role/platform-deployer";

    private static readonly string InvokerObject = $"{ArtifactBucketDeployment.BucketArn}/invoker/{new string('a', 64)}.zip";

    // The statements of artifact-bucket.yaml before ReaderOrganizationId: an empty id must leave exactly these.
    private static readonly string[] TodaysBucketStatements =
    [
        "DenyInsecureTransport", "DenyPutWithoutKmsEncryption", "DenyPutUnderAnotherKey",
        "DenyPolicyChangesExceptByAdministrators", "ArtifactUsersListBucket", "ArtifactUsersReadWriteObjects",
    ];

    private static readonly string[] TodaysKeyStatements = ["EnableIamPoliciesForThisAccount", "KeyAdministrators", "KeyUsers"];

    [Fact]
    public void OrganizationPrincipal_GetsTheInvokerZip()
    {
        Assert.True(S3Allows(Organization, MemberRole, "s3:GetObject", InvokerObject));
    }

    [Theory]
    [InlineData(OtherOrganizationAccount, OtherOrganization)]
    [InlineData(StandaloneAccount, null)]
    public void PrincipalOutsideTheOrganization_IsRefusedTheInvokerZip(string account, string? organization)
    {
        var request = S3Request($"arn:aws:iam::{account}:role/stacksets-exec-0123456789abcdef0123456789abcdef", "s3:GetObject", InvokerObject, organization);

        Assert.False(IamPolicyEvaluator.Allows(ArtifactBucketDeployment.BucketPolicy(Organization), request));
    }

    [Theory]
    [InlineData("alerting/0123.zip")]
    [InlineData("invokers/0123.zip")]
    [InlineData("invoker")]
    [InlineData("other/invoker/0123.zip")]
    public void OrganizationPrincipal_IsRefusedEveryOtherKey(string key)
    {
        Assert.False(S3Allows(Organization, MemberRole, "s3:GetObject", $"{ArtifactBucketDeployment.BucketArn}/{key}"));
    }

    [Theory]
    [InlineData("s3:PutObject")]
    [InlineData("s3:DeleteObject")]
    [InlineData("s3:DeleteObjectVersion")]
    [InlineData("s3:GetObjectVersion")]
    [InlineData("s3:PutObjectAcl")]
    [InlineData("s3:GetObjectAcl")]
    public void OrganizationPrincipal_MayDoNothingButGetObject(string action)
    {
        Assert.False(S3Allows(Organization, MemberRole, action, InvokerObject));
    }

    [Theory]
    [InlineData("s3:ListBucket")]
    [InlineData("s3:PutBucketPolicy")]
    [InlineData("s3:GetBucketPolicy")]
    [InlineData("s3:DeleteBucket")]
    public void OrganizationPrincipal_IsRefusedTheBucketItself(string action)
    {
        Assert.False(S3Allows(Organization, MemberRole, action, ArtifactBucketDeployment.BucketArn));
    }

    [Fact]
    public void OrganizationPrincipal_OverPlainHttp_IsRefused()
    {
        var request = S3Request(MemberRole, "s3:GetObject", InvokerObject, Organization, secureTransport: false);

        Assert.False(IamPolicyEvaluator.Allows(ArtifactBucketDeployment.BucketPolicy(Organization), request));
    }

    // With a bucket key (on in this bucket) S3 asks KMS under the bucket's ARN, without one under the object's.
    [Theory]
    [InlineData(ArtifactBucketDeployment.BucketArn)]
    [InlineData(ArtifactBucketDeployment.BucketArn + "/invoker/0123.zip")]
    public void OrganizationPrincipal_DecryptsThroughS3UnderThisBucketsContext(string encryptionContext)
    {
        Assert.True(KmsAllows(Organization, MemberRole, "kms:Decrypt", ViaS3, encryptionContext));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("s3.us-east-1.amazonaws.com")]
    [InlineData("lambda." + ResolvedTemplate.Region + ".amazonaws.com")]
    [InlineData("ssm." + ResolvedTemplate.Region + ".amazonaws.com")]
    public void OrganizationPrincipal_IsRefusedDecryptNotThroughS3InThisRegion(string? viaService)
    {
        Assert.False(KmsAllows(Organization, MemberRole, "kms:Decrypt", viaService, ArtifactBucketDeployment.BucketArn));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("arn:aws:s3:::another-bucket")]
    [InlineData("arn:aws:s3:::another-bucket/invoker/0123.zip")]
    [InlineData(ArtifactBucketDeployment.BucketArn + "-2")]
    [InlineData(ArtifactBucketDeployment.BucketArn + "/alerting/0123.zip")]
    public void OrganizationPrincipal_IsRefusedDecryptUnderAnotherContext(string? encryptionContext)
    {
        Assert.False(KmsAllows(Organization, MemberRole, "kms:Decrypt", ViaS3, encryptionContext));
    }

    [Theory]
    [InlineData("kms:Encrypt")]
    [InlineData("kms:GenerateDataKey")]
    [InlineData("kms:ReEncryptFrom")]
    [InlineData("kms:DescribeKey")]
    [InlineData("kms:CreateGrant")]
    [InlineData("kms:PutKeyPolicy")]
    public void OrganizationPrincipal_MayUseTheKeyForNothingButDecrypt(string action)
    {
        Assert.False(KmsAllows(Organization, MemberRole, action, ViaS3, ArtifactBucketDeployment.BucketArn));
    }

    [Theory]
    [InlineData(OtherOrganizationAccount, OtherOrganization)]
    [InlineData(StandaloneAccount, null)]
    public void PrincipalOutsideTheOrganization_IsRefusedDecrypt(string account, string? organization)
    {
        var request = KmsRequest($"arn:aws:iam::{account}:role/stacksets-exec-0123456789abcdef0123456789abcdef", "kms:Decrypt", ViaS3, ArtifactBucketDeployment.BucketArn, organization);

        Assert.False(IamPolicyEvaluator.Allows(ArtifactBucketDeployment.KeyPolicy(Organization), request));
    }

    [Fact]
    public void WithoutAnOrganization_OrganizationPrincipalsAreRefusedTheZipAndTheKey()
    {
        Assert.False(S3Allows("", MemberRole, "s3:GetObject", InvokerObject));
        Assert.False(KmsAllows("", MemberRole, "kms:Decrypt", ViaS3, ArtifactBucketDeployment.BucketArn));
    }

    [Fact]
    public void WithoutAnOrganization_ThePoliciesHoldExactlyTodaysStatements()
    {
        Assert.Equal(TodaysBucketStatements, Sids(ArtifactBucketDeployment.BucketPolicy("")));
        Assert.Equal(TodaysKeyStatements, Sids(ArtifactBucketDeployment.KeyPolicy("")));
        Assert.DoesNotContain("aws:PrincipalOrgID", ArtifactBucketDeployment.BucketPolicy("").ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("aws:PrincipalOrgID", ArtifactBucketDeployment.KeyPolicy("").ToJsonString(), StringComparison.Ordinal);
    }

    // The organisation adds one statement to each policy and changes none of the others.
    [Fact]
    public void WithAnOrganization_ThePoliciesAreTodaysPlusOneStatementEach()
    {
        AssertTodaysPlus(ArtifactBucketDeployment.BucketPolicy(""), ArtifactBucketDeployment.BucketPolicy(Organization), "ReaderOrganizationReadsInvokerArtifacts");
        AssertTodaysPlus(ArtifactBucketDeployment.KeyPolicy(""), ArtifactBucketDeployment.KeyPolicy(Organization), "ReaderOrganizationDecryptsThroughS3");
    }

    [Theory]
    [InlineData("")]
    [InlineData(Organization)]
    public void ArtifactUsers_StillReadAndWriteEveryKey(string readerOrganizationId)
    {
        var alertingObject = $"{ArtifactBucketDeployment.BucketArn}/alerting/0123.zip";

        Assert.True(S3Allows(readerOrganizationId, ArtifactUser, "s3:GetObject", alertingObject));
        Assert.True(S3Allows(readerOrganizationId, ArtifactUser, "s3:GetObject", InvokerObject));
        Assert.True(S3Allows(readerOrganizationId, ArtifactUser, "s3:PutObject", InvokerObject));
        Assert.True(KmsAllows(readerOrganizationId, ArtifactUser, "kms:GenerateDataKey", ViaS3, ArtifactBucketDeployment.BucketArn));
    }

    [Theory]
    [InlineData("")]
    [InlineData(Organization)]
    [InlineData("o-abcdefghij")]
    [InlineData("o-abcdefghijklmnopqrstuvwxyz012345")]
    public void ReaderOrganizationId_AcceptsEmptyOrAnOrganizationId(string readerOrganizationId)
    {
        Assert.Empty(ArtifactBucketDeployment.Errors(ArtifactBucketDeployment.Parameters(readerOrganizationId)));
    }

    [Theory]
    [InlineData("o-abc")]
    [InlineData("o-abcdefghi")]
    [InlineData("o-ABCDEFGHIJ")]
    [InlineData("r-a1b2c3d4e5")]
    [InlineData("ou-ab12-cdef3456")]
    [InlineData(" o-a1b2c3d4e5")]
    [InlineData("o-a1b2c3d4e5 ")]
    [InlineData("o-a1b2c3d4e5,o-zzzzzzzzzz")]
    [InlineData("*")]
    [InlineData("o-*")]
    [InlineData("o-abcdefghijklmnopqrstuvwxyz0123456")]
    public void ReaderOrganizationId_ThatIsNotAnOrganizationId_IsRefused(string readerOrganizationId)
    {
        var errors = ArtifactBucketDeployment.Errors(ArtifactBucketDeployment.Parameters(readerOrganizationId));

        Assert.Contains(errors, e => e.StartsWith("ReaderOrganizationId:", StringComparison.Ordinal));
    }

    // S3Allows and KmsAllows ask for a principal of the organisation (the member and the publishing account are in it).
    private static bool S3Allows(string readerOrganizationId, string principalArn, string action, string resource) =>
        IamPolicyEvaluator.Allows(
            ArtifactBucketDeployment.BucketPolicy(readerOrganizationId),
            S3Request(principalArn, action, resource, Organization));

    private static bool KmsAllows(string readerOrganizationId, string principalArn, string action, string? viaService, string? encryptionContext) =>
        IamPolicyEvaluator.Allows(
            ArtifactBucketDeployment.KeyPolicy(readerOrganizationId),
            KmsRequest(principalArn, action, viaService, encryptionContext, Organization));

    // An upload names SSE-KMS with the bucket's key, as deploy.sh does, so the put denies judge only the principal.
    private static IamRequest S3Request(string principalArn, string action, string resource, string? organization, bool secureTransport = true)
    {
        var context = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["aws:SecureTransport"] = secureTransport ? "true" : "false",
        };
        if (organization is not null)
        {
            context["aws:PrincipalOrgID"] = organization;
        }

        if (action == "s3:PutObject")
        {
            context["s3:x-amz-server-side-encryption"] = "aws:kms";
            context["s3:x-amz-server-side-encryption-aws-kms-key-id"] = ArtifactBucketDeployment.KeyArn;
        }

        return new IamRequest(principalArn, action, context) { Resource = resource };
    }

    private static IamRequest KmsRequest(string principalArn, string action, string? viaService, string? encryptionContext, string? organization)
    {
        var context = new Dictionary<string, string>(StringComparer.Ordinal);
        if (organization is not null)
        {
            context["aws:PrincipalOrgID"] = organization;
        }

        if (viaService is not null)
        {
            context["kms:ViaService"] = viaService;
        }

        if (encryptionContext is not null)
        {
            context["kms:EncryptionContext:aws:s3:arn"] = encryptionContext;
        }

        return new IamRequest(principalArn, action, context) { Resource = ArtifactBucketDeployment.KeyArn };
    }

    private static List<string> Sids(JsonNode policy) =>
        policy["Statement"]!.AsArray().Select(s => s!["Sid"]!.GetValue<string>()).ToList();

    private static void AssertTodaysPlus(JsonNode today, JsonNode withOrganization, string addedSid)
    {
        var statements = withOrganization["Statement"]!.AsArray();
        var added = Assert.Single(statements, s => s!["Sid"]!.GetValue<string>() == addedSid)!;
        var rest = new JsonArray(statements.Where(s => !ReferenceEquals(s, added)).Select(s => s!.DeepClone()).ToArray());

        Assert.True(JsonNode.DeepEquals(today["Statement"], rest), $"{today["Statement"]!.ToJsonString()}\n{rest.ToJsonString()}");
        Assert.Equal(Organization, added["Condition"]!["StringEquals"]!["aws:PrincipalOrgID"]!.GetValue<string>());
    }
}
