using System.Net;

namespace ServiceNowAlert.LambdaEmulator;

/// <summary>An HttpListener on 127.0.0.1 that answers each request on its own task until disposed.</summary>
internal sealed class LoopbackListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<HttpListenerContext, CancellationToken, Task> _answer;
    private readonly Task _loop;

    public LoopbackListener(int port, Func<HttpListenerContext, CancellationToken, Task> answer)
    {
        Port = port;
        _answer = answer;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
            // Closing the listener ends the accept loop on purpose.
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => _answer(context, _stopping.Token));
        }
    }
}
