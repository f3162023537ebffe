using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>The severity band's colours: readable on light and dark backgrounds (white or near-black text, WCAG AA).</summary>
internal static class SeverityStyle
{
    public static (string Background, string Text) For(AlertSeverity severity, AlertStatus status) => status == AlertStatus.Resolved
        ? ("#1a7f37", "#ffffff")
        : severity switch
        {
            AlertSeverity.Critical => ("#b91c1c", "#ffffff"),
            AlertSeverity.Major => ("#c2410c", "#ffffff"),
            AlertSeverity.Minor => ("#b45309", "#ffffff"),
            AlertSeverity.Warning => ("#facc15", "#1f2328"),
            _ => ("#2563eb", "#ffffff"),
        };
}
