using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

public sealed class FunctionTests
{
    [Theory]
    [InlineData("callee.yaml", "AlertingFunction", "CodeS3Key", "^alerting/")]
    [InlineData("caller.yaml", "InvokerFunction", "CodeS3Key", "^invoker/")]
    public void Functions_RunTheCustomRuntimeFromAContentAddressedKeyWithEncryptedEnvironment(string fileName, string functionId, string keyParameter, string keyPrefix)
    {
        var template = CloudFormationTemplate.Load(fileName);
        var function = template.Properties(functionId);

        Assert.Equal("provided.al2023", function["Runtime"]!.GetValue<string>());
        Assert.Equal("bootstrap", function["Handler"]!.GetValue<string>());
        Assert.Equal("[{\"Ref\":\"Architecture\"}]", function["Architectures"]!.ToJsonString());
        Assert.True(Intrinsics.IsRefTo(function["Code"]!["S3Key"], keyParameter));
        Assert.True(Intrinsics.IsRefTo(function["Code"]!["S3Bucket"], "ArtifactBucketName"));
        Assert.StartsWith(keyPrefix, template.Parameter(keyParameter)["AllowedPattern"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("{\"Fn::GetAtt\":[", function["KmsKeyArn"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.True(Intrinsics.IsRefTo(function["MemorySize"], "MemorySize"));
    }

    [Fact]
    public void AlertingFunction_HasReservedConcurrencyAndTheAgreedEnvironment()
    {
        var function = CloudFormationTemplate.Load("callee.yaml").Properties("AlertingFunction");
        var variables = function["Environment"]!["Variables"]!.AsObject();

        Assert.True(Intrinsics.IsRefTo(function["ReservedConcurrentExecutions"], "ReservedConcurrency"));
        Assert.Equal("2525", variables["SNALERT_SMTP_PORT"]!.GetValue<string>());
        Assert.Equal("starttls", variables["SNALERT_SMTP_TLS"]!.GetValue<string>());
        Assert.Equal(
            [
                "SNALERT_SMTP_HOST", "SNALERT_SMTP_PORT", "SNALERT_SMTP_TLS", "SNALERT_SMTP_CREDENTIALS_PARAMETER", "SNALERT_ROUTES", "SNALERT_IDEMPOTENCY_TABLE",
                "SNALERT_REPEAT_INTERVAL_SECONDS", "SNALERT_PRODUCER_ROLE_ARNS", "SNALERT_PRODUCER_ORGANIZATION", "SNALERT_PRODUCER_ACCOUNT_NAMES",
            ],
            variables.Select(v => v.Key));
    }

    // The alerting function's allow-list of producer accounts comes from the parameters the trust policy uses.
    [Theory]
    [InlineData("arn:aws:iam::222222222222:role/a,arn:aws:iam::333333333333:role/b", "", "arn:aws:iam::222222222222:role/a,arn:aws:iam::333333333333:role/b")]
    [InlineData("", "o-a1b2c3d4e5", "")]
    [InlineData("arn:aws:iam::222222222222:role/a", "o-a1b2c3d4e5", "arn:aws:iam::222222222222:role/a")]
    public void AlertingFunction_GetsTheProducersFromTheTrustParameters(string invokerRoleArns, string organizationId, string expectedRoleArns)
    {
        var parameters = CalleeDeployment.Parameters(invokerRoleArns, organizationId);
        parameters["ProducerAccountNames"] = "222222222222=Payments prod,333333333333=Data";

        var variables = CalleeDeployment.Resolve(parameters).Resources["AlertingFunction"]!["Environment"]!["Variables"]!;

        Assert.Equal(expectedRoleArns, variables["SNALERT_PRODUCER_ROLE_ARNS"]!.GetValue<string>());
        Assert.Equal(organizationId, variables["SNALERT_PRODUCER_ORGANIZATION"]!.GetValue<string>());
        Assert.Equal("222222222222=Payments prod,333333333333=Data", variables["SNALERT_PRODUCER_ACCOUNT_NAMES"]!.GetValue<string>());
    }

    [Fact]
    public void InvokerFunction_HasTheAgreedEnvironment()
    {
        var variables = CloudFormationTemplate.Load("caller.yaml").Properties("InvokerFunction")["Environment"]!["Variables"]!.AsObject();

        Assert.Equal(
            ["SNALERT_TARGET_ROLE_ARN", "SNALERT_TARGET_FUNCTION_ARN", "SNALERT_EXTERNAL_ID", "SNALERT_TARGET_REGION", "SNALERT_SEVERITY_RULES", "SNALERT_INSUFFICIENT_DATA", "SNALERT_ACCOUNT_NAME"],
            variables.Select(v => v.Key));
        Assert.True(Intrinsics.IsRefTo(variables["SNALERT_TARGET_FUNCTION_ARN"], "TargetFunctionArn"));
    }

    [Theory]
    [InlineData("callee.yaml", "FunctionVersion", "FunctionAlias")]
    [InlineData("caller.yaml", "InvokerVersion", "InvokerAlias")]
    public void EveryRelease_PublishesARetainedVersionBehindTheLiveAlias(string fileName, string versionId, string aliasId)
    {
        var template = CloudFormationTemplate.Load(fileName);

        Assert.Contains("${ReleaseId}", template.Properties(versionId)["Description"]!["Fn::Sub"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Retain", template.ResourcesSection[versionId]!["DeletionPolicy"]!.GetValue<string>());
        var alias = template.Properties(aliasId);
        Assert.Equal("live", alias["Name"]!.GetValue<string>());
        Assert.Equal($$"""{"Fn::GetAtt":["{{versionId}}","Version"]}""", alias["FunctionVersion"]!.ToJsonString());
    }

    [Theory]
    [InlineData("Errors")]
    [InlineData("Throttles")]
    public void AlertingFunction_HasAnAlarmOnItsOwnMetric(string metric)
    {
        var alarms = CloudFormationTemplate.Load("callee.yaml").ResourcesOfType("AWS::CloudWatch::Alarm").Select(a => a.Properties);

        var alarm = Assert.Single(alarms, a => a["MetricName"]!.GetValue<string>() == metric);
        Assert.Equal("AWS/Lambda", alarm["Namespace"]!.GetValue<string>());
        Assert.True(Intrinsics.IsRefTo(alarm["Dimensions"]![0]!["Value"], "AlertingFunction"));
    }

    [Fact]
    public void StatefulCalleeResources_AreRetainedAndEncrypted()
    {
        var template = CloudFormationTemplate.Load("callee.yaml");
        var table = template.Properties("IdempotencyTable");
        var secret = template.Properties("SmtpSecret");

        Assert.Equal("PAY_PER_REQUEST", table["BillingMode"]!.GetValue<string>());
        Assert.True(table["TimeToLiveSpecification"]!["Enabled"]!.GetValue<bool>());
        Assert.True(table["SSESpecification"]!["SSEEnabled"]!.GetValue<bool>());
        Assert.NotNull(table["SSESpecification"]!["KMSMasterKeyId"]);
        Assert.NotNull(secret["KmsKeyId"]);
        Assert.All(new[] { "FunctionKey", "SmtpSecret", "IdempotencyTable" }, id =>
            Assert.Equal("Retain", template.ResourcesSection[id]!["DeletionPolicy"]!.GetValue<string>()));
    }
}
