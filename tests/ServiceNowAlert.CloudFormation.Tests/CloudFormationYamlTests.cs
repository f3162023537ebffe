using System.Text.Json.Nodes;
using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

public sealed class CloudFormationYamlTests
{
    [Theory]
    [InlineData("!Ref Bucket", """{"Ref":"Bucket"}""")]
    [InlineData("!Sub \"${AWS::Region}-x\"", """{"Fn::Sub":"${AWS::Region}-x"}""")]
    [InlineData("!GetAtt Key.Arn", """{"Fn::GetAtt":["Key","Arn"]}""")]
    [InlineData("!GetAtt [Key, Arn]", """{"Fn::GetAtt":["Key","Arn"]}""")]
    [InlineData("!Join [\",\", [a, b]]", """{"Fn::Join":[",",["a","b"]]}""")]
    [InlineData("!Select [0, !GetAZs \"\"]", """{"Fn::Select":[0,{"Fn::GetAZs":""}]}""")]
    [InlineData("!Split [\",\", !ImportValue Shared]", """{"Fn::Split":[",",{"Fn::ImportValue":"Shared"}]}""")]
    [InlineData("!If [IsProd, !Ref AWS::NoValue, 3]", """{"Fn::If":["IsProd",{"Ref":"AWS::NoValue"},3]}""")]
    [InlineData("!Not [!Equals [!Ref A, \"\"]]", """{"Fn::Not":[{"Fn::Equals":[{"Ref":"A"},""]}]}""")]
    [InlineData("!And [!Condition A, !Or [!Condition B, !Condition C]]", """{"Fn::And":[{"Condition":"A"},{"Fn::Or":[{"Condition":"B"},{"Condition":"C"}]}]}""")]
    [InlineData("!FindInMap [M, K, V]", """{"Fn::FindInMap":["M","K","V"]}""")]
    [InlineData("!Base64 text", """{"Fn::Base64":"text"}""")]
    [InlineData("!Cidr [10.0.0.0/16, 4, 8]", """{"Fn::Cidr":["10.0.0.0/16",4,8]}""")]
    public void Parse_ShortFormIntrinsic_BecomesLongForm(string yaml, string expectedJson)
    {
        var root = CloudFormationYaml.Parse("Value: " + yaml);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedJson), root["Value"]), root["Value"]?.ToJsonString());
    }

    [Fact]
    public void Parse_QuotedScalars_StayStringsWhilePlainOnesAreTyped()
    {
        var root = CloudFormationYaml.Parse("A: \"2525\"\nB: 2525\nC: 'false'\nD: false\nE: 1.5\n\"Null\": x\n");

        Assert.Equal("""{"A":"2525","B":2525,"C":"false","D":false,"E":1.5,"Null":"x"}""", root.ToJsonString());
    }

    [Fact]
    public void Parse_UnknownTag_FailsWithItsName()
    {
        var error = Assert.Throws<FormatException>(() => CloudFormationYaml.Parse("A: !Bogus x"));

        Assert.Contains("!Bogus", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateKey_Fails()
    {
        Assert.ThrowsAny<Exception>(() => CloudFormationYaml.Parse("A: 1\nA: 2\n"));
    }

    [Theory]
    [MemberData(nameof(TemplateFiles))]
    public void Template_Parses_WithDescriptionResourcesAndDocumentedParameters(string fileName)
    {
        var template = CloudFormationTemplate.Load(fileName);

        Assert.Equal("2010-09-09", template.Root["AWSTemplateFormatVersion"]?.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(template.Root["Description"]?.GetValue<string>()));
        Assert.NotEmpty(template.ResourcesSection);
        foreach (var (name, parameter) in template.Root["Parameters"]!.AsObject())
        {
            Assert.False(string.IsNullOrWhiteSpace(parameter?["Description"]?.GetValue<string>()), $"{fileName}: parameter {name} has no Description");
        }
    }

    public static TheoryData<string> TemplateFiles() => new(CloudFormationTemplate.FileNames);
}
