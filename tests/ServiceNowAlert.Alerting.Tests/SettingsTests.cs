using ServiceNowAlert.Alerting.Configuration;
using ServiceNowAlert.Alerting.Routing;
using ServiceNowAlert.Alerting.Smtp;

namespace ServiceNowAlert.Alerting.Tests;

public sealed class SettingsTests
{
    private const string Routes = """{"routes":[{"name":"ops","from":"a@example.com","to":["b@example.com"]}]}""";

    [Fact]
    public void FromEnvironment_Defaults_AreStartTlsOn2525()
    {
        var settings = AlertingSettings.FromEnvironment(new Dictionary<string, string> { ["SNALERT_SMTP_HOST"] = "relay.internal", ["SNALERT_ROUTES"] = Routes });

        Assert.Equal(("relay.internal", 2525, SmtpTlsMode.StartTls, false), (settings.Smtp!.Host, settings.Smtp.Port, settings.Smtp.Tls, settings.Smtp.CheckCertificateRevocation));
        Assert.Equal(TimeSpan.FromHours(1), settings.RepeatInterval);
    }

    [Fact]
    public void FromEnvironment_IdempotencyTable_IsReadWithItsRetention()
    {
        var settings = AlertingSettings.FromEnvironment(new Dictionary<string, string>
        {
            ["SNALERT_SMTP_HOST"] = "relay.internal",
            ["SNALERT_ROUTES"] = Routes,
            ["SNALERT_IDEMPOTENCY_TABLE"] = "servicenowalert-alerting-idempotency",
            ["SNALERT_IDEMPOTENCY_RETENTION_HOURS"] = "72",
        });

        Assert.Equal(("servicenowalert-alerting-idempotency", TimeSpan.FromHours(72)), (settings.IdempotencyTable, settings.IdempotencyRetention));
        Assert.IsType<ServiceNowAlert.Alerting.Idempotency.DynamoDbIdempotencyStore>(AlertingServiceFactory.CreateIdempotencyStore(
            settings,
            TimeProvider.System,
            () => new Amazon.DynamoDBv2.AmazonDynamoDBClient(new Amazon.Runtime.BasicAWSCredentials("AKID", "SECRET"), Amazon.RegionEndpoint.EUWest1)));
    }

    [Fact]
    public void CreateIdempotencyStore_WhenTheSdkCannotBuildAClient_FailsStartUpNamingTheVariable()
    {
        var settings = AlertingSettings.FromEnvironment(new Dictionary<string, string> { ["SNALERT_SMTP_HOST"] = "relay.internal", ["SNALERT_ROUTES"] = Routes, ["SNALERT_IDEMPOTENCY_TABLE"] = "t" });

        var exception = Assert.Throws<AlertingConfigurationException>(() => AlertingServiceFactory.CreateIdempotencyStore(
            settings,
            TimeProvider.System,
            () => throw new Amazon.Runtime.AmazonClientException("No RegionEndpoint or ServiceURL configured")));

        Assert.Contains("SNALERT_IDEMPOTENCY_TABLE needs an AWS client: No RegionEndpoint", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("9000")]
    [InlineData("two days")]
    public void FromEnvironment_IdempotencyRetentionOutOfRange_FailsStartUpNamingTheVariable(string value)
    {
        var exception = Assert.Throws<AlertingConfigurationException>(() => AlertingSettings.FromEnvironment(new Dictionary<string, string>
        {
            ["SNALERT_SMTP_HOST"] = "relay.internal",
            ["SNALERT_ROUTES"] = Routes,
            ["SNALERT_IDEMPOTENCY_RETENTION_HOURS"] = value,
        }));

        Assert.Contains("SNALERT_IDEMPOTENCY_RETENTION_HOURS", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_ManyProblems_AreAllReportedAtOnce()
    {
        var exception = Assert.Throws<AlertingConfigurationException>(() => AlertingSettings.FromEnvironment(new Dictionary<string, string>
        {
            ["SNALERT_SMTP_PORT"] = "70000",
            ["SNALERT_SMTP_TLS"] = "sometimes",
            ["SNALERT_SMTP_USERNAME"] = "only-user",
        }));

        foreach (var expected in new[] { "SNALERT_SMTP_HOST is required", "SNALERT_SMTP_PORT", "SNALERT_SMTP_TLS", "go together", "SNALERT_ROUTES or SNALERT_ROUTES_FILE" })
        {
            Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"routes":[]}""", "no routes")]
    [InlineData("""{"routes":[{"name":"a","from":"not an address","to":["b@example.com"]}]}""", "not an email address")]
    [InlineData("""{"routes":[{"name":"a","from":"a@example.com"}]}""", "no recipients")]
    [InlineData("""{"defaultRoute":"x","routes":[{"name":"a","from":"a@example.com","to":["b@example.com"]}]}""", "defaultRoute 'x'")]
    [InlineData("""{"routes":[{"name":"a","from":"a@example.com","to":["b@example.com"]},{"name":"a","from":"a@example.com","to":["b@example.com"]}]}""", "defined 2 times")]
    [InlineData("{not json", "read routes")]
    public void RouteTable_BadDocument_FailsStartUpSayingWhy(string json, string expected)
    {
        var exception = Assert.Throws<AlertingConfigurationException>(() => RouteTable.Parse(json, "test"));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }
}
