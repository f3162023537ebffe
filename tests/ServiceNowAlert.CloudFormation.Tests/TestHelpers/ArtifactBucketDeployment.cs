using System.Text.Json.Nodes;

namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>
/// Stack S3Callee in Account A as cloudformation/params/s3-callee.json deploys it, optionally readable by an
/// organisation, with its bucket and key policies as S3 and KMS hold them once created.
/// </summary>
public static class ArtifactBucketDeployment
{
    public const string PublishingAccount = "111111111111";
    public const string BucketName = "example-snalert-callee-artifacts-111111111111";
    public const string BucketArn = "arn:aws:s3:::" + BucketName;
    public const string KeyArn = "arn:aws:kms:" + ResolvedTemplate.Region + ":" + PublishingAccount + ":key/0b7e6c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b";

    private static readonly CloudFormationTemplate ArtifactBucket = CloudFormationTemplate.Load("artifact-bucket.yaml");

    public static Dictionary<string, string> Parameters(string readerOrganizationId)
    {
        var parameters = ParameterFiles.Values("s3-callee.json");
        Assert.Equal(BucketName, parameters["BucketName"]);
        parameters["ReaderOrganizationId"] = readerOrganizationId;
        return parameters;
    }

    public static IReadOnlyList<string> Errors(IReadOnlyDictionary<string, string> parameters) =>
        new TemplateParameters(ArtifactBucket, parameters).Errors();

    public static JsonNode BucketPolicy(string readerOrganizationId) =>
        Deployed(Resolve(readerOrganizationId).Resources["ArtifactBucketPolicy"]!["PolicyDocument"])!;

    public static JsonNode KeyPolicy(string readerOrganizationId) =>
        Deployed(Resolve(readerOrganizationId).Resources["ArtifactKey"]!["KeyPolicy"])!;

    private static ResolvedTemplate Resolve(string readerOrganizationId)
    {
        var parameters = Parameters(readerOrganizationId);
        var errors = Errors(parameters);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return new ResolvedTemplate(ArtifactBucket, parameters, PublishingAccount);
    }

    // The resolver leaves what only exists once deployed as placeholders; the policies name the real ARNs.
    private static JsonNode? Deployed(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Deployed(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Deployed).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => text
            .Replace("<ArtifactBucket.Arn>", BucketArn, StringComparison.Ordinal)
            .Replace("<ArtifactKey.Arn>", KeyArn, StringComparison.Ordinal),
        _ => node?.DeepClone(),
    };
}
