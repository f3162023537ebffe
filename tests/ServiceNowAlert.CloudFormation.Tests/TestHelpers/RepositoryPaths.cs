namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>Locates the repository (the folder holding ServiceNowAlert.sln) and the files the tests read.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string CloudFormation => Path.Combine(Root, "cloudformation");

    /// <summary>
    /// AWS's resource schemas in ../shared/cfn-schemas beside the repository; a git worktree sits deeper,
    /// so the nearest ancestor holding shared/cfn-schemas wins.
    /// </summary>
    public static string Schemas => LazySchemas.Value;

    private static readonly Lazy<string> LazySchemas = new(FindSchemas);

    public static string Template(string fileName) => Path.Combine(CloudFormation, fileName);

    private static string FindSchemas()
    {
        for (var dir = Directory.GetParent(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "cfn-schemas");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"find resource schemas: no shared/cfn-schemas beside or above {Root}");
    }

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
