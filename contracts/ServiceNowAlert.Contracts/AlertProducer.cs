using ServiceNowAlert.Contracts.Validation;

namespace ServiceNowAlert.Contracts;

/// <summary>
/// The producer account that sent the alert: the invoker stamps its own account id (from its invoked function ARN)
/// and, when configured, the account's display name. Account A checks the id against its allow-list and may route on it.
/// </summary>
/// <param name="Account">The producer's 12-digit AWS account id.</param>
/// <param name="Name">The account's display name, for example "Payments prod"; one line, optional.</param>
public sealed record AlertProducer(string Account, string? Name = null)
{
    /// <summary>
    /// What is wrong with a display name by the contract's rule for <see cref="Name"/>, or null when it is fine, so a
    /// setting that becomes a name (the invoker's SNALERT_ACCOUNT_NAME, Account A's names) is refused at start-up.
    /// </summary>
    /// <param name="name">The candidate name.</param>
    /// <returns>The problem's message, or null.</returns>
    public static string? CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var problems = new ProblemCollector();
        new FieldRules(problems).Text(name, "$.producer.name", "producer name", AlertLimits.MaxProducerNameLength, TextKind.SingleLine);
        return problems.Count == 0 ? null : problems.Problems[0].Message;
    }
}
