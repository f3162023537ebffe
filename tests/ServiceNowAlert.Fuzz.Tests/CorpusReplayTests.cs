using ServiceNowAlert.Testing;

namespace ServiceNowAlert.Fuzz.Tests;

/// <summary>
/// CI does not fuzz; it replays what fuzzing found. Every corpus input and every crash ever saved under fuzz/ must now
/// pass its target, so a fixed crash stays fixed.
/// </summary>
public sealed class CorpusReplayTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in new[] { "corpus", "crashes" })
        {
            foreach (var folder in Directory.GetDirectories(RepositoryPaths.Combine("fuzz", kind)).Order())
            {
                foreach (var file in Directory.GetFiles(folder).Where(file => !file.EndsWith(".gitkeep", StringComparison.Ordinal)).Order())
                {
                    data.Add(Path.GetFileName(folder), Path.GetRelativePath(RepositoryPaths.Root, file));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Target_SavedInput_PassesWithoutException(string target, string file)
    {
        var run = FuzzTargets.All[target];

        var exception = Record.Exception(() => run(File.ReadAllBytes(RepositoryPaths.Combine(file))));

        Assert.Null(exception);
    }

    [Fact]
    public void EveryCorpusFolder_NamesAKnownTarget()
    {
        var folders = Directory.GetDirectories(RepositoryPaths.Combine("fuzz", "corpus")).Select(Path.GetFileName);

        Assert.All(folders, folder => Assert.Contains(folder!, FuzzTargets.All.Keys));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00 })]
    [InlineData(new byte[] { (byte)'[', (byte)']' })]
    [InlineData(new byte[0])]
    public void Reader_InputItRefuses_IsNotACrash(byte[] input)
    {
        Assert.Null(Record.Exception(() => FuzzTargets.Reader(input)));
    }
}
