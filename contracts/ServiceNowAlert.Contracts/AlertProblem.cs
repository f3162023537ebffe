namespace ServiceNowAlert.Contracts;

/// <summary>One thing wrong with a request: where, which rule, and what to do about it.</summary>
/// <param name="Path">JSON path of the offending value, for example <c>$.links[1].url</c>.</param>
/// <param name="Code">The rule broken, from <see cref="AlertProblemCodes"/>.</param>
/// <param name="Message">A sentence for people.</param>
public sealed record AlertProblem(string Path, string Code, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message} [{Code}]";
}
