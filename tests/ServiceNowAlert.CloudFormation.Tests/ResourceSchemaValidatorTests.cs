using System.Text.Json.Nodes;
using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

/// <summary>Proves the validator rejects what AWS would reject, so a passing template means something.</summary>
public sealed class ResourceSchemaValidatorTests
{
    private const string ValidFunction = """
        Code: { S3Bucket: artifacts, S3Key: alerting/x.zip }
        Role: !GetAtt FunctionRole.Arn
        Runtime: provided.al2023
        Architectures: [x86_64]
        LoggingConfig: { LogFormat: JSON }
        Timeout: !Ref TimeoutSeconds
        """;

    [Fact]
    public void Validate_WellFormedFunctionWithIntrinsics_ReportsNothing()
    {
        Assert.Empty(Validate("AWS::Lambda::Function", ValidFunction));
    }

    [Fact]
    public void Validate_WrongEnumValue_IsReported()
    {
        var errors = Validate("AWS::Lambda::Function", ValidFunction.Replace("provided.al2023", "provided.al2099", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StartsWith("Properties.Runtime:", StringComparison.Ordinal) && e.Contains("not one of", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_WrongEnumValueInsideNestedDefinition_IsReported()
    {
        var errors = Validate("AWS::Lambda::Function", ValidFunction.Replace("LogFormat: JSON", "LogFormat: Yaml", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StartsWith("Properties.LoggingConfig.LogFormat:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MissingRequiredProperty_IsReported()
    {
        var errors = Validate("AWS::Lambda::Function", ValidFunction.Replace("Role: !GetAtt FunctionRole.Arn\n", "", StringComparison.Ordinal));

        Assert.Contains("Properties: required property Role is missing", errors);
    }

    [Fact]
    public void Validate_UnknownProperty_IsReported()
    {
        var errors = Validate("AWS::Lambda::Function", ValidFunction + "\nTimeoutSecs: 30");

        Assert.Contains("Properties: unknown property TimeoutSecs", errors);
    }

    [Fact]
    public void Validate_UnknownNestedPropertyAndWrongType_AreReported()
    {
        var errors = Validate("AWS::S3::Bucket", """
            VersioningConfiguration: { Status: Enabled, Mfa: true }
            PublicAccessBlockConfiguration: { BlockPublicAcls: "yes" }
            """);

        Assert.Contains("Properties.VersioningConfiguration: unknown property Mfa", errors);
        Assert.Contains(errors, e => e.StartsWith("Properties.PublicAccessBlockConfiguration.BlockPublicAcls: expected", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OutOfRangeNumberAndTooManyItems_AreReported()
    {
        var errors = Validate("AWS::Lambda::Function", ValidFunction.Replace("Timeout: !Ref TimeoutSeconds", "Timeout: 901", StringComparison.Ordinal)
            .Replace("[x86_64]", "[x86_64, arm64]", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StartsWith("Properties.Timeout: 901 is above", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Properties.Architectures: 2 items", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PatternViolation_IsReported()
    {
        var errors = Validate("AWS::Lambda::Permission", """
            FunctionName: !Ref Alias
            Action: lambda:InvokeFunction
            Principal: events.amazonaws.com
            SourceAccount: "12345"
            """);

        Assert.Contains(errors, e => e.StartsWith("Properties.SourceAccount:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ValueMatchingNoOneOfBranch_IsReported()
    {
        var errors = Validate("AWS::DynamoDB::Table", "KeySchema: 5");

        Assert.Contains(errors, e => e.Contains("oneOf", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_InvalidValueInEitherFnIfBranch_IsReported()
    {
        var errors = Validate("AWS::Lambda::Function", ValidFunction.Replace("LoggingConfig: { LogFormat: JSON }", "LoggingConfig: !If [Debug, { LogFormat: JSON }, { LogFormat: Xml }]", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StartsWith("Properties.LoggingConfig.LogFormat:", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Validate(string type, string propertiesYaml) =>
        ResourceSchemaValidator.ForType(type).Validate(CloudFormationYaml.Parse(propertiesYaml) as JsonNode);
}
