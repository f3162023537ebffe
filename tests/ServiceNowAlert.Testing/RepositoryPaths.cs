namespace ServiceNowAlert.Testing;

/// <summary>Finds files of this repository from a test's working directory, wherever the test runner puts it.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ServiceNowAlert.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"find repository root: no ServiceNowAlert.sln above {AppContext.BaseDirectory}");
    }
}
