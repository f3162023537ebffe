namespace ServiceNowAlert.Contracts.Tests;

public sealed class ServiceNowSeverityTests
{
    [Theory]
    [InlineData(AlertSeverity.Critical, 1)]
    [InlineData(AlertSeverity.Major, 2)]
    [InlineData(AlertSeverity.Minor, 3)]
    [InlineData(AlertSeverity.Warning, 4)]
    [InlineData(AlertSeverity.Info, 5)]
    public void From_FiringAlert_UsesServiceNowScale(AlertSeverity severity, int expected)
    {
        Assert.Equal(expected, ServiceNowSeverity.From(severity, AlertStatus.Firing));
    }

    [Theory]
    [InlineData(AlertSeverity.Critical)]
    [InlineData(AlertSeverity.Info)]
    public void From_ResolvedAlert_IsClear(AlertSeverity severity)
    {
        Assert.Equal(ServiceNowSeverity.Clear, ServiceNowSeverity.From(severity, AlertStatus.Resolved));
    }
}
