namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>What deploy.sh printed and how it exited; Commands are the "+ ..." lines without the prefix.</summary>
public sealed record DeployScriptResult(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> Commands =>
        Stdout.Split('\n').Where(l => l.StartsWith("+ ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();

    /// <summary>Index of the only command containing every fragment; fails when none or several match.</summary>
    public int IndexOf(params string[] fragments)
    {
        var matches = Commands.Select((command, index) => (command, index))
            .Where(c => fragments.All(f => c.command.Contains(f, StringComparison.Ordinal)))
            .Select(c => c.index)
            .ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"find command: {matches.Count} commands contain [{string.Join(", ", fragments)}]\n{Stdout}");
    }
}
