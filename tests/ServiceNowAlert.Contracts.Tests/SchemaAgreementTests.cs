using System.Text.Json;
using ServiceNowAlert.Contracts.Tests.TestHelpers;
using ServiceNowAlert.Testing;

namespace ServiceNowAlert.Contracts.Tests;

/// <summary>
/// The JSON Schema files and the C# reader state the same contract. ajv, an independent draft 2020-12 validator,
/// judges the schema side, so a rule added to only one of them fails here.
/// </summary>
public sealed class SchemaAgreementTests
{
    private static readonly string RequestSchema = RepositoryPaths.Combine("contracts", "schemas", AlertSchemas.RequestV1Name);
    private static readonly string ResultSchema = RepositoryPaths.Combine("contracts", "schemas", AlertSchemas.ResultV1Name);

    [Fact]
    public async Task Schema_AcceptsEveryValidSample()
    {
        var files = Directory.GetFiles(Samples.ValidFolder, "*.json");

        var verdicts = await ValidateAsync(RequestSchema, files);

        Assert.All(verdicts, verdict => Assert.True(verdict.Valid, $"{verdict.File}: {verdict.Errors}"));
        Assert.Equal(files.Length, verdicts.Count);
    }

    [Fact]
    public async Task Schema_RejectsEveryInvalidSampleAtTheStatedPath()
    {
        var expectations = Samples.Invalid().ToDictionary(row => (string)row[0], row => (string)row[2]);
        var files = expectations.Keys.Select(file => Path.Combine(Samples.InvalidFolder, file)).ToArray();

        var verdicts = await ValidateAsync(RequestSchema, files);

        Assert.Equal(files.Length, verdicts.Count);
        foreach (var verdict in verdicts)
        {
            var expectedPath = expectations[Path.GetFileName(verdict.File)];
            Assert.False(verdict.Valid, $"{verdict.File} passed the schema");
            Assert.Contains(expectedPath, verdict.Paths);
        }
    }

    [Fact]
    public async Task Schema_AcceptsWhatTheTypesWrite()
    {
        var folder = Directory.CreateTempSubdirectory("snalert-schema-");
        var files = new List<string>();
        foreach (var sample in Directory.GetFiles(Samples.ValidFolder, "*.json"))
        {
            var request = AlertRequestReader.Read(File.ReadAllBytes(sample)).Request!;
            var path = Path.Combine(folder.FullName, Path.GetFileName(sample));
            await File.WriteAllBytesAsync(path, AlertJson.Serialize(request));
            files.Add(path);
        }

        var verdicts = await ValidateAsync(RequestSchema, files);

        Assert.All(verdicts, verdict => Assert.True(verdict.Valid, $"{verdict.File}: {verdict.Errors}"));
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task ResultSchema_AcceptsEveryResultTheTypesWrite()
    {
        AlertResult[] results =
        [
            new() { Status = AlertResultStatus.Sent, AlertId = "a-1", MessageId = "<a-1@servicenowalert>", AcceptedRecipients = 3 },
            new() { Status = AlertResultStatus.Duplicate, AlertId = "a-1", MessageId = "<a-1@servicenowalert>" },
            new() { Status = AlertResultStatus.Suppressed, AlertId = "a-2" },
            new() { Status = AlertResultStatus.Sent, AlertId = "a-3", AcceptedRecipients = 1, FailedRecipients = [new("x@example.com", 550, "5.1.1 no such user")] },
            AlertResult.Rejected(string.Empty, [new AlertProblem("$", AlertProblemCodes.MalformedJson, "not JSON")]),
        ];
        var folder = Directory.CreateTempSubdirectory("snalert-result-");
        var files = results.Select((result, index) =>
        {
            var path = Path.Combine(folder.FullName, $"result-{index}.json");
            File.WriteAllBytes(path, AlertJson.Serialize(result));
            return path;
        }).ToList();

        var verdicts = await ValidateAsync(ResultSchema, files);

        Assert.All(verdicts, verdict => Assert.True(verdict.Valid, $"{verdict.File}: {verdict.Errors}"));
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task ResultSchema_RejectsARejectionWithoutProblems()
    {
        var folder = Directory.CreateTempSubdirectory("snalert-result-");
        var path = Path.Combine(folder.FullName, "rejected-without-problems.json");
        await File.WriteAllBytesAsync(path, AlertJson.Serialize(new AlertResult { Status = AlertResultStatus.Rejected, AlertId = "a" }));

        var verdicts = await ValidateAsync(ResultSchema, [path]);

        Assert.False(Assert.Single(verdicts).Valid);
        folder.Delete(recursive: true);
    }

    [Theory]
    [InlineData(AlertSchemas.RequestV1Name)]
    [InlineData(AlertSchemas.ResultV1Name)]
    public void EmbeddedSchema_IsTheFileInContractsSchemas(string name)
    {
        var embedded = name == AlertSchemas.RequestV1Name ? AlertSchemas.RequestV1 : AlertSchemas.ResultV1;

        Assert.Equal(File.ReadAllText(RepositoryPaths.Combine("contracts", "schemas", name)), embedded);
        Assert.Equal(embedded, AlertSchemas.ForVersion(1, result: name == AlertSchemas.ResultV1Name));
        Assert.Null(AlertSchemas.ForVersion(2));
    }

    private static async Task<IReadOnlyList<Verdict>> ValidateAsync(string schema, IEnumerable<string> files)
    {
        var output = await NodeHarness.RunAsync("schema-harness", "validate.js", [schema, .. files], TimeSpan.FromSeconds(60));
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Verdict.Parse)];
    }

    private sealed record Verdict(string File, bool Valid, IReadOnlyList<string> Paths, string Errors)
    {
        public static Verdict Parse(string line)
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var errors = root.GetProperty("errors");
            var paths = errors.EnumerateArray().Select(error => ToJsonPath(error.GetProperty("path").GetString()!)).ToList();
            return new Verdict(root.GetProperty("file").GetString()!, root.GetProperty("valid").GetBoolean(), paths, errors.GetRawText());
        }

        // ajv reports JSON Pointers ("/links/0/url"); the reader reports JSONPath ("$.links[0].url").
        private static string ToJsonPath(string pointer) =>
            "$" + string.Concat(pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Select(segment => int.TryParse(segment, out var index) ? $"[{index}]" : "." + segment));
    }
}
