using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ServiceNowAlert.Contracts;

/// <summary>
/// The forms of the AWS identifiers an alert carries, written once for the contract's rules and for the normalisers
/// that fill those fields from AWS events. <c>contracts/schemas/alert-request.v1.schema.json</c> publishes the same
/// patterns, held to these by the schema agreement test.
/// </summary>
public static partial class AwsIdentifiers
{
    /// <summary>True when the value is a 12-digit AWS account id.</summary>
    /// <param name="value">The candidate, for example an event's <c>account</c>.</param>
    /// <returns>Whether the contract accepts it as <see cref="AlertRequest.Account"/>.</returns>
    public static bool IsAccountId([NotNullWhen(true)] string? value) => value is not null && AccountIdPattern().IsMatch(value);

    /// <summary>True when the value is an AWS region name such as <c>eu-west-1</c>.</summary>
    /// <param name="value">The candidate, for example an event's <c>region</c>.</param>
    /// <returns>Whether the contract accepts it as <see cref="AlertRequest.Region"/>.</returns>
    public static bool IsRegion([NotNullWhen(true)] string? value) => value is not null && RegionPattern().IsMatch(value);

    /// <summary>The account of an IAM role ARN such as <c>arn:aws:iam::111111111111:role/servicenowalert-invoker</c>.</summary>
    /// <param name="value">The candidate, for example a configured invoker or target role.</param>
    /// <param name="account">The role's 12-digit account id when the value is a role ARN.</param>
    /// <returns>Whether the value is an IAM role ARN (any partition, a path allowed).</returns>
    public static bool TryGetRoleArnAccount([NotNullWhen(true)] string? value, [NotNullWhen(true)] out string? account)
    {
        var match = value is null ? null : RoleArnPattern().Match(value);
        account = match is { Success: true } ? match.Groups["account"].Value : null;
        return account is not null;
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::(?<account>[0-9]{12}):role/[A-Za-z0-9+=,.@_/-]{1,512}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountIdPattern();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
