using ServiceNowAlert.Contracts.Tests.TestHelpers;

namespace ServiceNowAlert.Contracts.Tests;

public sealed class ProducerRulesTests
{
    [Fact]
    public void Read_ProducerWithAccountAndName_IsKept()
    {
        var read = AlertRequestReader.Read(Requests.WithProperty("producer", """{"account":"111111111111","name":"Payments prod"}"""));

        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        Assert.Equal(new AlertProducer("111111111111", "Payments prod"), read.Request!.Producer);
    }

    [Fact]
    public void Read_RequestWithoutProducer_HasNone()
    {
        var read = AlertRequestReader.Read(Requests.Utf8(Requests.MinimalJson));

        Assert.True(read.IsValid);
        Assert.Null(read.Request!.Producer);
    }

    [Theory]
    [InlineData("""{"account":"12345678901"}""", "$.producer.account", AlertProblemCodes.BadFormat)]
    [InlineData("""{"account":"1234567890123"}""", "$.producer.account", AlertProblemCodes.TooLong)]
    [InlineData("""{"account":"11111111111a"}""", "$.producer.account", AlertProblemCodes.BadFormat)]
    [InlineData("""{"name":"Payments prod"}""", "$.producer.account", AlertProblemCodes.Required)]
    [InlineData("""{"account":111111111111}""", "$.producer.account", AlertProblemCodes.WrongType)]
    [InlineData("""{"account":"111111111111","name":"Payments\nprod"}""", "$.producer.name", AlertProblemCodes.ControlCharacter)]
    [InlineData("""{"account":"111111111111","name":"Payments\u0085prod"}""", "$.producer.name", AlertProblemCodes.ControlCharacter)]
    [InlineData("""{"account":"111111111111","name":""}""", "$.producer.name", AlertProblemCodes.Empty)]
    [InlineData("\"111111111111\"", "$.producer", AlertProblemCodes.WrongType)]
    public void Read_BadProducer_IsOneProblemAtItsPath(string producer, string path, string code)
    {
        var read = AlertRequestReader.Read(Requests.WithProperty("producer", producer));

        var problem = Assert.Single(read.Problems);
        Assert.Equal((path, code), (problem.Path, problem.Code));
    }

    [Fact]
    public void Read_ProducerNameOverTheLimit_IsTooLong()
    {
        var name = new string('P', AlertLimits.MaxProducerNameLength + 1);

        var read = AlertRequestReader.Read(Requests.WithProperty("producer", $$"""{"account":"111111111111","name":"{{name}}"}"""));

        var problem = Assert.Single(read.Problems);
        Assert.Equal(("$.producer.name", AlertProblemCodes.TooLong), (problem.Path, problem.Code));
        Assert.Contains("at most 64", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ProducerBuiltInCode_AppliesTheSameRules()
    {
        var request = Requests.Minimal() with { Producer = new AlertProducer("12345", "Data\tteam") };

        Assert.Equal(["$.producer.account", "$.producer.name"], AlertValidator.Validate(request).Select(problem => problem.Path));
    }

    [Theory]
    [InlineData("Payments prod", null)]
    [InlineData("Zahlungen – Produktion", null)]
    [InlineData("a\u0007b", "control characters")]
    [InlineData("", "must not be empty")]
    public void CheckName_SaysWhatIsWrongWithASettingThatBecomesAName(string name, string? expected)
    {
        var problem = AlertProducer.CheckName(name);

        if (expected is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Serialize_RequestWithProducer_WritesItAndTheCurrentMinor()
    {
        var json = System.Text.Encoding.UTF8.GetString(AlertJson.Serialize(Requests.Minimal() with { Producer = new AlertProducer("111111111111") }));

        Assert.Contains("\"producer\":{\"account\":\"111111111111\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"schemaVersion\":\"1.1\"", json, StringComparison.Ordinal);
    }
}
