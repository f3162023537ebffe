namespace ServiceNowAlert.Testing;

/// <summary>Runs one of the Node.js harnesses under tests/ to completion and returns what it printed.</summary>
public static class NodeHarness
{
    public static Task<string> RunAsync(string harnessFolder, string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        if (!Directory.Exists(Path.Combine(RepositoryPaths.Combine("tests", harnessFolder), "node_modules")))
        {
            throw new InvalidOperationException($"run {harnessFolder}: node_modules is missing; run `npm ci --prefix tests/{harnessFolder}` (./test.sh does this)");
        }

        return HarnessProcess.RunAsync("node", harnessFolder, script, arguments, timeout);
    }
}
