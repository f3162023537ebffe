namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>Locates the repository (the folder holding ServiceNowAlert.sln) and the files the tests read.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string CloudFormation => Path.Combine(Root, "cloudformation");

    public static string Template(string fileName) => Path.Combine(CloudFormation, fileName);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServiceNowAlert.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"find repository root: no ServiceNowAlert.sln above {AppContext.BaseDirectory}");
    }
}
