namespace ServiceNowAlert.Contracts.Validation;

/// <summary>Gathers problems in the order they are found, so a caller gets all of them at once.</summary>
internal sealed class ProblemCollector
{
    private readonly List<AlertProblem> _problems = [];

    public int Count => _problems.Count;

    public IReadOnlyList<AlertProblem> Problems => _problems;

    public void Add(string path, string code, string message) => _problems.Add(new AlertProblem(path, code, message));
}
