using System.Text.RegularExpressions;
using ServiceNowAlert.Contracts;
using Env = ServiceNowAlert.Alerting.Configuration.AlertingEnvironmentVariables;

namespace ServiceNowAlert.Alerting.Producers;

/// <summary>
/// Which producer accounts the alerting function takes alerts from, built from the same values as the cross-account
/// role's trust policy (the Callee stack sets both). A list of invoker role ARNs names its accounts, and an alert
/// claiming any other account is refused. An organisation cannot be enumerated here: with one, every account is
/// accepted, and the trust policy (aws:PrincipalOrgID with the invoker role's name) is what keeps others out. Neither
/// variable set (local runs, the CLI) accepts any account.
/// </summary>
public sealed partial class ProducerAllowList
{
    private readonly HashSet<string> _accounts;

    private ProducerAllowList(HashSet<string> accounts, string? organization, bool enforced)
    {
        _accounts = accounts;
        Organization = organization;
        IsEnforced = enforced;
    }

    /// <summary>Accepts every account: no allow-list configured.</summary>
    public static ProducerAllowList Open { get; } = new([], null, enforced: false);

    /// <summary>The accounts of the listed invoker roles, in the order given.</summary>
    public IReadOnlyCollection<string> Accounts => _accounts;

    /// <summary>The organisation whose accounts are all accepted; null when only the list counts.</summary>
    public string? Organization { get; }

    /// <summary>True when the list is checked: a list is given and no organisation.</summary>
    public bool IsEnforced { get; }

    /// <summary>Whether an alert claiming this producer account is taken.</summary>
    public bool Allows(string account) => !IsEnforced || _accounts.Contains(account);

    /// <summary>What the list is, for a log line and a rejection's message.</summary>
    public string Describe() => !IsEnforced
        ? Organization is null ? "any account" : $"any account of organisation {Organization}"
        : $"the accounts of {Env.ProducerRoleArns} ({string.Join(", ", _accounts)})";

    /// <summary>
    /// Reads the two variables; null for a variable that is not set at all. Every problem is added to
    /// <paramref name="problems"/>, so a malformed entry fails start-up instead of trusting less or more than meant.
    /// </summary>
    public static ProducerAllowList Parse(string? roleArns, string? organization, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (roleArns is null && organization is null)
        {
            return Open;
        }

        var accounts = new HashSet<string>(StringComparer.Ordinal);
        var list = roleArns?.Trim() ?? string.Empty;
        if (list.Length > 0)
        {
            var entries = list.Split(',');
            for (var i = 0; i < entries.Length; i++)
            {
                var entry = entries[i].Trim();
                if (entry.Length == 0)
                {
                    problems.Add($"{Env.ProducerRoleArns} has an empty entry (number {i + 1}); give invoker role ARNs separated by commas");
                }
                else if (!AwsIdentifiers.TryGetRoleArnAccount(entry, out var account))
                {
                    problems.Add($"{Env.ProducerRoleArns} entry '{entry}' is not an IAM role ARN with a 12-digit account id (arn:aws:iam::111111111111:role/servicenowalert-invoker)");
                }
                else
                {
                    accounts.Add(account);
                }
            }
        }

        var org = organization?.Trim() ?? string.Empty;
        if (org.Length > 0 && !OrganizationPattern().IsMatch(org))
        {
            problems.Add($"{Env.ProducerOrganization} must be an AWS Organizations ID (o- and 10 to 32 lower-case letters or digits); got '{org}'");
        }

        if (list.Length == 0 && org.Length == 0)
        {
            problems.Add($"{Env.ProducerRoleArns} and {Env.ProducerOrganization} are both empty, so no producer account could be accepted; give invoker role ARNs, an organisation or both (unset both only for local runs that accept any account)");
        }

        return new ProducerAllowList(accounts, org.Length == 0 ? null : org, enforced: org.Length == 0);
    }

    [GeneratedRegex(@"^o-[a-z0-9]{10,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex OrganizationPattern();
}
