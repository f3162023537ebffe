using ServiceNowAlert.Contracts.Tests.TestHelpers;

namespace ServiceNowAlert.Contracts.Tests;

public sealed class SampleTests
{
    [Theory]
    [MemberData(nameof(Samples.Valid), MemberType = typeof(Samples))]
    public void Read_ValidSample_ReturnsRequestWithoutProblems(string file)
    {
        var result = AlertRequestReader.Read(Samples.Read(Samples.ValidFolder, file));

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        Assert.Equal(result.Request!.AlertId, result.AlertId);
    }

    [Theory]
    [MemberData(nameof(Samples.Invalid), MemberType = typeof(Samples))]
    public void Read_InvalidSample_ReportsTheRuleItBreaksAtItsPath(string file, string code, string path)
    {
        var result = AlertRequestReader.Read(Samples.Read(Samples.InvalidFolder, file));

        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(path, problem.Path);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    [Theory]
    [MemberData(nameof(Samples.ReaderOnly), MemberType = typeof(Samples))]
    public void Read_ReaderOnlySample_ReportsTheRuleItBreaksAtItsPath(string file, string code, string path)
    {
        var result = AlertRequestReader.Read(Samples.Read(Samples.ReaderOnlyFolder, file));

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, problem => problem.Code == code && problem.Path == path);
    }

    [Fact]
    public void InvalidSamples_CoverEveryProblemCode()
    {
        var codes = typeof(AlertProblemCodes).GetFields().Select(field => (string)field.GetValue(null)!).ToHashSet();
        var covered = Samples.Invalid().Concat(Samples.ReaderOnly()).Select(row => (string)row[1]).ToHashSet();
        covered.Add(AlertProblemCodes.TooLarge); // ReaderTests builds the oversize request; a 256 KiB sample file is not worth keeping.

        Assert.Empty(codes.Except(covered));
    }
}
