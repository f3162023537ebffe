namespace ServiceNowAlert.Cli;

/// <summary>
/// "sending 3/40…" on standard error while a batch runs, only when a person is watching a terminal; redirected output
/// gets plain lines alone. It uses no colour, so NO_COLOR has nothing to turn off.
/// </summary>
internal sealed class BatchProgress(int total)
{
    private readonly bool _shown = total > 1 && !Console.IsErrorRedirected && !Console.IsOutputRedirected;
    private int _done;

    public void Next()
    {
        _done++;
        if (_shown)
        {
            Console.Error.Write($"\rsending {_done}/{total}…");
        }
    }

    public void Clear()
    {
        if (_shown)
        {
            Console.Error.Write("\r" + new string(' ', 24) + "\r");
        }
    }
}
