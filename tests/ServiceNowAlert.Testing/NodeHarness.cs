namespace ServiceNowAlert.Testing;

/// <summary>Runs one of the Node.js harnesses under tests/ to completion and returns what it printed.</summary>
public static class NodeHarness
{
    public static Task<string> RunAsync(string harnessFolder, string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        InstalledFolder(harnessFolder);
        return HarnessProcess.RunAsync("node", harnessFolder, script, arguments, timeout);
    }

    /// <summary>The harness's folder, once its npm packages are known to be installed.</summary>
    public static string InstalledFolder(string harnessFolder)
    {
        var folder = RepositoryPaths.Combine("tests", harnessFolder);
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            throw new InvalidOperationException($"run {harnessFolder}: node_modules is missing; run `npm ci --prefix tests/{harnessFolder}` (./test.sh does this)");
        }

        return folder;
    }
}
