using ServiceNowAlert.Alerting.Rendering;
using ServiceNowAlert.Alerting.Tests.TestHelpers;

namespace ServiceNowAlert.Alerting.Tests;

public sealed class TemplateOverrideTests
{
    [Fact]
    public void Load_OverrideThatDoesNotParse_FailsWithFileLineAndColumn()
    {
        var folder = Directory.CreateTempSubdirectory("snalert-templates-");
        File.WriteAllText(Path.Combine(folder.FullName, "subject.sbn"), "line one\n{{ if title }} unclosed");

        var exception = Assert.Throws<AlertingConfigurationException>(() => AlertTemplates.Load(folder.FullName));

        Assert.Contains("subject.sbn(", exception.Message, StringComparison.Ordinal);
        Assert.Matches(@"subject\.sbn\(\d+,\d+\)", exception.Message);
    }

    [Fact]
    public void Render_OverrideTemplate_IsUsedAndOthersStayDefault()
    {
        var folder = Directory.CreateTempSubdirectory("snalert-templates-");
        File.WriteAllText(Path.Combine(folder.FullName, "subject.sbn"), "Custom: {{ title }} / {{ servicenow_severity }}");

        var rendered = new AlertRenderer(AlertTemplates.Load(folder.FullName)).Render(Alerts.Minimal());

        Assert.Equal("Custom: Orders API 5xx above 5% / 2", rendered.Subject);
        Assert.StartsWith("source:orders-api\n", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HtmlOverrideOfAHostileAlert_SeesEveryValueEscapedIncludingTheServiceNowFields()
    {
        var folder = Directory.CreateTempSubdirectory("snalert-templates-");
        File.WriteAllText(
            Path.Combine(folder.FullName, "html.sbn"),
            "{{ title }}|{{ for field in servicenow_fields }}{{ field.name }}={{ field.value }};{{ end }}|{{ for detail in details }}{{ detail.value }}{{ end }}|{{ for row in summary }}{{ row.value }}{{ end }}");

        var html = new AlertRenderer(AlertTemplates.Load(folder.FullName)).Render(Alerts.Hostile()).Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("description=&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("additional_info={&quot;alert_id&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OverrideWithAnUnknownVariable_FailsLoudlyInsteadOfPrintingNothing()
    {
        var folder = Directory.CreateTempSubdirectory("snalert-templates-");
        File.WriteAllText(Path.Combine(folder.FullName, "subject.sbn"), "{{ no_such_value }}");
        var renderer = new AlertRenderer(AlertTemplates.Load(folder.FullName));

        Assert.Throws<AlertingConfigurationException>(() => renderer.Render(Alerts.Minimal()));
    }

    [Theory]
    [InlineData("{{ string.upcase = 'hijacked' }}")]
    [InlineData("{{ string.shout = 'added' }}")]
    [InlineData("{{ string = 'replaced' }}{{ string.upcase 'still a function' }}")]
    public void Render_OverrideThatTriesToChangeTheSharedBuiltins_CannotAffectTheNextRender(string hostile)
    {
        var folder = Directory.CreateTempSubdirectory("snalert-templates-");
        File.WriteAllText(Path.Combine(folder.FullName, "subject.sbn"), hostile);
        var probe = Directory.CreateTempSubdirectory("snalert-templates-");
        File.WriteAllText(Path.Combine(probe.FullName, "subject.sbn"), "{{ 'ok' | string.upcase }}");
        var added = Directory.CreateTempSubdirectory("snalert-templates-");
        File.WriteAllText(Path.Combine(added.FullName, "subject.sbn"), "{{ string.shout }}");

        try
        {
            new AlertRenderer(AlertTemplates.Load(folder.FullName)).Render(Alerts.Minimal());
        }
        catch (AlertingConfigurationException)
        {
            // Refusing the change is one right answer; the other is that the change stays inside this render.
        }

        Assert.Equal("OK", new AlertRenderer(AlertTemplates.Load(probe.FullName)).Render(Alerts.Minimal()).Subject);
        Assert.Throws<AlertingConfigurationException>(() => new AlertRenderer(AlertTemplates.Load(added.FullName)).Render(Alerts.Minimal()));
    }

    [Fact]
    public void Render_OverrideWithARunawayLoop_IsStoppedByTheLoopLimit()
    {
        var folder = Directory.CreateTempSubdirectory("snalert-templates-");
        File.WriteAllText(Path.Combine(folder.FullName, "subject.sbn"), "{{ for i in 1..1000000 }}x{{ end }}");
        var renderer = new AlertRenderer(AlertTemplates.Load(folder.FullName));

        Assert.Throws<AlertingConfigurationException>(() => renderer.Render(Alerts.Minimal()));
    }

    [Fact]
    public void Load_MissingDirectory_Fails()
    {
        Assert.Throws<AlertingConfigurationException>(() => AlertTemplates.Load("/no/such/folder"));
    }
}
