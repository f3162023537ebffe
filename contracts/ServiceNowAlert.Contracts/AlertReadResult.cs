namespace ServiceNowAlert.Contracts;

/// <summary>The outcome of reading one request: the request when it is valid, otherwise every problem found.</summary>
public sealed record AlertReadResult
{
    /// <summary>The request; set only when <see cref="Problems"/> is empty.</summary>
    public AlertRequest? Request { get; init; }

    /// <summary>Every problem found, in document order.</summary>
    public IReadOnlyList<AlertProblem> Problems { get; init; } = [];

    /// <summary>The request's <c>alertId</c> when one could be read, even from an invalid request.</summary>
    public string AlertId { get; init; } = string.Empty;

    /// <summary>True when the request is valid.</summary>
    public bool IsValid => Request is not null;
}
