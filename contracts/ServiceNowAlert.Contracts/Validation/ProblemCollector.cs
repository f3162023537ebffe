namespace ServiceNowAlert.Contracts.Validation;

/// <summary>
/// Gathers problems in the order they are found, so a caller gets all of them at once. Problems found earlier, by
/// reading the JSON form, are held until the rules reach their field and released there, so every problem comes out
/// in the order of the request's fields whichever pass found it.
/// </summary>
internal sealed class ProblemCollector
{
    private readonly List<AlertProblem> _problems = [];

    private readonly List<AlertProblem> _held = [];

    public int Count => _problems.Count;

    public IReadOnlyList<AlertProblem> Problems => _problems;

    public void Add(string path, string code, string message) => _problems.Add(new AlertProblem(path, code, message));

    public void Hold(IEnumerable<AlertProblem> problems) => _held.AddRange(problems);

    /// <summary>Reports the problems held for this path; true when there were any, so the rules skip the value.</summary>
    public bool Release(string path)
    {
        if (_held.Count == 0)
        {
            return false;
        }

        var before = _problems.Count;
        _problems.AddRange(_held.Where(problem => problem.Path == path));
        _held.RemoveAll(problem => problem.Path == path);
        return _problems.Count > before;
    }

    /// <summary>Reports whatever is still held, so no problem is lost even where the rules had no value to visit.</summary>
    public void ReleaseAll()
    {
        _problems.AddRange(_held);
        _held.Clear();
    }
}
