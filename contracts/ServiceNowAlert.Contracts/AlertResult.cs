namespace ServiceNowAlert.Contracts;

/// <summary>The receipt the alerting function returns for one <see cref="AlertRequest"/>.</summary>
public sealed record AlertResult
{
    private readonly IReadOnlyList<AlertProblem> _problems = [];

    private readonly IReadOnlyList<RecipientFailure> _failedRecipients = [];

    /// <summary>"major.minor" of this receipt's schema.</summary>
    public string SchemaVersion { get; init; } = AlertSchemaVersion.Current;

    /// <summary>What happened.</summary>
    public required AlertResultStatus Status { get; init; }

    /// <summary>The request's idempotency key; empty when the request was too broken to have one.</summary>
    public required string AlertId { get; init; }

    /// <summary>The Message-ID of the email, when one was sent or had been sent before.</summary>
    public string? MessageId { get; init; }

    /// <summary>How many recipients the relay accepted.</summary>
    public int AcceptedRecipients { get; init; }

    /// <summary>Recipients refused while others were accepted.</summary>
    public IReadOnlyList<RecipientFailure> FailedRecipients
    {
        get => _failedRecipients;
        init => _failedRecipients = value ?? [];
    }

    /// <summary>Why the request was rejected; empty otherwise.</summary>
    public IReadOnlyList<AlertProblem> Problems
    {
        get => _problems;
        init => _problems = value ?? [];
    }

    /// <summary>A receipt for a request that can never succeed as it is.</summary>
    /// <param name="alertId">The request's id, or empty when it had none.</param>
    /// <param name="problems">Every problem found.</param>
    /// <returns>A <see cref="AlertResultStatus.Rejected"/> receipt.</returns>
    public static AlertResult Rejected(string alertId, IReadOnlyList<AlertProblem> problems) =>
        new() { Status = AlertResultStatus.Rejected, AlertId = alertId, Problems = problems };
}
