namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>
/// One request as a resource-based policy sees it: who makes it (aws:PrincipalArn is a role session's role ARN, an
/// account's root or a user's ARN; the account is the principal's), the action, and the rest of the request context.
/// </summary>
public sealed record IamRequest(string PrincipalArn, string Action, IReadOnlyDictionary<string, string> Context)
{
    /// <summary>
    /// The ARN the action is on (an object's or a key's); null for AssumeRole, whose trust policy names no resource.
    /// </summary>
    public string? Resource { get; init; }

    /// <summary>The principal's account, the fifth part of its ARN.</summary>
    public string PrincipalAccount => PrincipalArn.Split(':')[4];

    /// <summary>
    /// The request context IAM builds: aws:PrincipalArn and aws:PrincipalAccount always, then the given keys (for
    /// example aws:PrincipalOrgID only when the principal's account is in an organisation).
    /// </summary>
    public IReadOnlyDictionary<string, string> Keys =>
        new Dictionary<string, string>(Context, StringComparer.OrdinalIgnoreCase)
        {
            ["aws:PrincipalArn"] = PrincipalArn,
            ["aws:PrincipalAccount"] = PrincipalAccount,
        };
}
