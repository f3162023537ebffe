using CsCheck;
using ServiceNowAlert.Contracts.Tests.TestHelpers;

namespace ServiceNowAlert.Contracts.Tests;

public sealed class PropertyTests
{
    [Fact]
    public void GeneratedValidRequest_RoundTripsByteForByte()
    {
        AlertGenerators.Request.Sample(request =>
        {
            var written = AlertJson.Serialize(request);

            var read = AlertRequestReader.Read(written);

            Assert.True(read.IsValid, string.Join("; ", read.Problems));
            Assert.Equal(written, AlertJson.Serialize(read.Request!));
        }, iter: 500);
    }

    [Fact]
    public void SingleLineFieldWithCarriageReturnOrLineFeed_IsRejected()
    {
        var fields = Gen.OneOf("title", "source", "correlationKey", "application", "configurationItem", "environment", "resource", "linkTitle", "logLine", "detailName");
        Gen.Select(AlertGenerators.Request, fields, Gen.OneOf("\r", "\n", "\r\n"), Gen.Int[0, 100]).Sample((request, field, breaker, at) =>
        {
            string Break(string text) => text.Insert(Math.Min(at, text.Length), breaker);
            var broken = field switch
            {
                "title" => request with { Title = Break(request.Title) },
                "source" => request with { Source = Break(request.Source) },
                "correlationKey" => request with { CorrelationKey = Break(request.CorrelationKey) },
                "application" => request with { Application = Break(request.Application ?? "app") },
                "configurationItem" => request with { ConfigurationItem = Break(request.ConfigurationItem ?? "ci") },
                "environment" => request with { Environment = Break(request.Environment ?? "prod") },
                "resource" => request with { Resources = [Break("arn:aws:sqs:eu-west-1:111122223333:q")] },
                "linkTitle" => request with { Links = [new AlertLink(Break("Runbook"), "https://example.com")] },
                "logLine" => request with { LogExcerpt = [Break("ERROR failed")] },
                _ => request with { Details = new OrderedDictionary<string, string> { [Break("name")] = "value" } },
            };

            var problems = AlertValidator.Validate(broken);

            Assert.Contains(problems, problem => problem.Code is AlertProblemCodes.ControlCharacter or AlertProblemCodes.BadFormat);
        }, iter: 500);
    }

    [Fact]
    public void ArbitraryBytes_NeverThrowPastTheReader()
    {
        Gen.Byte.Array[0, 400].Sample(bytes =>
        {
            var result = AlertRequestReader.Read(bytes);

            Assert.False(result.IsValid && result.Problems.Count > 0);
        }, iter: 2000);
    }

    [Fact]
    public void MutatedValidRequest_NeverThrowsAndIsEitherValidOrExplained()
    {
        Gen.Select(AlertGenerators.Request, Gen.Int[0, 10_000], Gen.Byte).Sample((request, position, value) =>
        {
            var bytes = AlertJson.Serialize(request);
            bytes[position % bytes.Length] = value;

            var result = AlertRequestReader.Read(bytes);

            Assert.True(result.IsValid || result.Problems.Count > 0);
        }, iter: 2000);
    }
}
