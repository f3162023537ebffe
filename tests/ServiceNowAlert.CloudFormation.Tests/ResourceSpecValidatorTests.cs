using System.Text.Json.Nodes;
using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

/// <summary>Proves the validator rejects what AWS would reject, so a passing template means something.</summary>
public sealed class ResourceSpecValidatorTests
{
    private const string ValidFunction = """
        Code: { S3Bucket: artifacts, S3Key: alerting/x.zip }
        Role: !GetAtt FunctionRole.Arn
        Runtime: provided.al2023
        Architectures: [x86_64]
        LoggingConfig: { LogFormat: JSON }
        RecursiveLoop: Terminate
        Timeout: !Ref TimeoutSeconds
        Tags: [{ Key: app, Value: servicenowalert }]
        """;

    [Fact]
    public void Validate_WellFormedFunctionWithIntrinsics_ReportsNothing()
    {
        Assert.Empty(Validate("AWS::Lambda::Function", ValidFunction));
    }

    [Fact]
    public void Validate_WrongEnumValue_IsReported()
    {
        var errors = Validate("AWS::Lambda::Function", ValidFunction.Replace("RecursiveLoop: Terminate", "RecursiveLoop: Continue", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StartsWith("Properties.RecursiveLoop:", StringComparison.Ordinal) && e.Contains("not one of", StringComparison.Ordinal));
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
    public void Validate_WrongScalarTypes_AreReported()
    {
        var errors = Validate("AWS::Lambda::Function", ValidFunction
            .Replace("Timeout: !Ref TimeoutSeconds", "Timeout: 1.5\nMemorySize: \"large\"", StringComparison.Ordinal)
            .Replace("[x86_64]", "x86_64", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StartsWith("Properties.Timeout: expected integer", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Properties.MemorySize: expected integer", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Properties.Architectures: expected array", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TagWithoutValueAndMapOfWrongType_AreReported()
    {
        var errors = Validate("AWS::Lambda::Function", ValidFunction
            .Replace("Value: servicenowalert", "Name: servicenowalert", StringComparison.Ordinal)
            + "\nEnvironment: { Variables: { LEVEL: [info] } }");

        Assert.Contains("Properties.Tags[0]: required property Value is missing", errors);
        Assert.Contains("Properties.Tags[0]: unknown property Name", errors);
        Assert.Contains(errors, e => e.StartsWith("Properties.Environment.Variables.LEVEL: expected string", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ValueMatchingNoUnionMember_IsReported()
    {
        var errors = Validate("AWS::DynamoDB::Table", "KeySchema: 5");

        Assert.Contains(errors, e => e.StartsWith("Properties.KeySchema: 5 matches none of", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_IntrinsicInsideAListAndAMap_IsAccepted()
    {
        Assert.Empty(Validate("AWS::Lambda::Function", ValidFunction
            + "\nLayers: [!Ref Layer, !If [HasLayer, !Ref Other, !Ref AWS::NoValue]]\nEnvironment: { Variables: { TABLE: !Ref Table } }"));
    }

    [Fact]
    public void ForType_ATypeAwsDoesNotHave_Throws()
    {
        var exception = Assert.Throws<KeyNotFoundException>(() => ResourceSpecValidator.ForType("AWS::Lambda::Functions"));

        Assert.Contains("AWS::Lambda::Functions", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidValueInEitherFnIfBranch_IsReported()
    {
        var errors = Validate("AWS::Lambda::Function", ValidFunction.Replace("LoggingConfig: { LogFormat: JSON }", "LoggingConfig: !If [Debug, { LogFormat: JSON }, { LogFormat: Xml }]", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StartsWith("Properties.LoggingConfig.LogFormat:", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Validate(string type, string propertiesYaml) =>
        ResourceSpecValidator.ForType(type).Validate(CloudFormationYaml.Parse(propertiesYaml) as JsonNode);
}
