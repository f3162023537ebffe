using System.Text.Json;
using ServiceNowAlert.Testing;

namespace ServiceNowAlert.Contracts.Tests.TestHelpers;

/// <summary>The sample requests under samples/requests, as xunit theory data.</summary>
internal static class Samples
{
    public static string ValidFolder => RepositoryPaths.Combine("samples", "requests", "valid");

    public static string InvalidFolder => RepositoryPaths.Combine("samples", "requests", "invalid");

    public static string ReaderOnlyFolder => RepositoryPaths.Combine("samples", "requests", "invalid-reader-only");

    public static TheoryData<string> Valid() => [.. Directory.GetFiles(ValidFolder, "*.json").Select(path => Path.GetFileName(path)!).Order()];

    public static TheoryData<string, string, string> Invalid() => Expectations(InvalidFolder);

    public static TheoryData<string, string, string> ReaderOnly() => Expectations(ReaderOnlyFolder);

    public static byte[] Read(string folder, string file) => File.ReadAllBytes(Path.Combine(folder, file));

    private static TheoryData<string, string, string> Expectations(string folder)
    {
        var data = new TheoryData<string, string, string>();
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "expectations.json")));
        foreach (var entry in manifest.RootElement.EnumerateObject())
        {
            data.Add(entry.Name, entry.Value.GetProperty("code").GetString()!, entry.Value.GetProperty("path").GetString()!);
        }

        return data;
    }
}
