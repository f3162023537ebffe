using System.Text.RegularExpressions;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Normalisers;

/// <summary>"Alarms whose name matches this glob (<c>*</c>, <c>?</c>) get this severity."</summary>
public sealed record SeverityRule(string Pattern, AlertSeverity Severity)
{
    public bool Matches(string name) =>
        Regex.IsMatch(name, "^" + Regex.Escape(Pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(50));
}
