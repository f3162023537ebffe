using System.Text.Json;
using ServiceNowAlert.Alerting.Rendering;
using ServiceNowAlert.Alerting.Tests.TestHelpers;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Testing;

namespace ServiceNowAlert.Alerting.Tests;

/// <summary>
/// The HTML part, for every sample, the hostile and largest alerts and generated ones, passes html-validate (an
/// implementation independent of our templates and of Scriban), so escaping never leaves a broken or stray element.
/// </summary>
public sealed class HtmlValidityTests : IDisposable
{
    private static readonly AlertRenderer Renderer = new(AlertTemplates.Load());

    private readonly string _folder = Directory.CreateTempSubdirectory("snalert-html-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Html_OfEverySampleShapeAndGeneratedAlert_IsValid()
    {
        var requests = Alerts.Corpus(generated: 150);
        requests.Add(("hostile-details", Alerts.Hostile() with { Details = new OrderedDictionary<string, string> { [Alerts.Attack] = Alerts.Attack }, Resources = [Alerts.Attack, "&amp;"] }));
        requests.Add(("resolved", Alerts.Minimal("r-1", AlertStatus.Resolved)));
        requests.Add(("blank-title", Alerts.Minimal() with { Title = " \u00a0 " }));
        requests.Add(("largest", Alerts.Minimal() with
        {
            Description = new string('d', AlertLimits.MaxDescriptionLength),
            Details = new OrderedDictionary<string, string>(Enumerable.Range(0, AlertLimits.MaxDetails).ToDictionary(i => $"k{i}", _ => "v\nw")),
            LogExcerpt = [.. Enumerable.Repeat("<l> & \"x\"", AlertLimits.MaxLogLines)],
        }));
        requests.Add(("largest-allowed", Alerts.LargestAllowed()));

        var files = new List<string>();
        foreach (var (name, request) in requests)
        {
            files.Add(Write(name, Renderer.Render(request)));
        }

        var verdicts = await ValidateAsync(files);

        Assert.Equal(files.Count, verdicts.Count);
        Assert.All(verdicts, verdict => Assert.True(verdict.Valid, $"{Path.GetFileName(verdict.File)}: {verdict.Errors}"));
    }

    [Fact]
    public async Task Validator_RefusesBrokenHtml()
    {
        var broken = Path.Combine(_folder, "broken.html");
        await File.WriteAllTextAsync(broken, "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><table><tr><td>x</table></div></body></html>");

        var verdict = Assert.Single(await ValidateAsync([broken]));

        Assert.False(verdict.Valid);
        Assert.Contains("close-order", verdict.Errors, StringComparison.Ordinal);
    }

    private string Write(string name, RenderedAlert rendered)
    {
        var path = Path.Combine(_folder, name + ".html");
        File.WriteAllBytes(path, rendered.HtmlUtf8.ToArray());
        return path;
    }

    private static async Task<IReadOnlyList<Verdict>> ValidateAsync(IEnumerable<string> files)
    {
        var output = await NodeHarness.RunAsync("html-harness", "validate.js", files, TimeSpan.FromSeconds(120));
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Verdict.Parse)];
    }

    private sealed record Verdict(string File, bool Valid, string Errors)
    {
        public static Verdict Parse(string line)
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return new Verdict(root.GetProperty("file").GetString()!, root.GetProperty("valid").GetBoolean(), root.GetProperty("errors").GetRawText());
        }
    }
}
