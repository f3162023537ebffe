using System.Net.Http.Json;
using System.Text.Json;

namespace ServiceNowAlert.Testing.Smtp;

/// <summary>
/// The real SMTP server of tests/smtp-harness (Node smtp-server), started on 127.0.0.1 for one test class:
/// STARTTLS and AUTH required, a self-signed certificate whose PEM <see cref="CaFile"/> the client trusts, and faults
/// scripted per test through <see cref="SetFaultsAsync"/>.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly NodeServer _server;
    private readonly HttpClient _control;

    private SmtpTestServer(NodeServer server, int smtpPort, int controlPort, string caFile, string user, string password)
    {
        _server = server;
        Port = smtpPort;
        CaFile = caFile;
        User = user;
        Password = password;
        _control = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{controlPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Host { get; } = "127.0.0.1";

    public int Port { get; }

    public string CaFile { get; }

    public string User { get; }

    public string Password { get; }

    public static async Task<SmtpTestServer> StartAsync()
    {
        var server = await NodeServer.StartAsync("smtp-harness");
        var ready = server.Ready;
        return new SmtpTestServer(
            server,
            ready.GetProperty("smtpPort").GetInt32(),
            ready.GetProperty("controlPort").GetInt32(),
            ready.GetProperty("caFile").GetString()!,
            ready.GetProperty("user").GetString()!,
            ready.GetProperty("password").GetString()!);
    }

    public async Task<IReadOnlyList<ReceivedMessage>> MessagesAsync() =>
        await _control.GetFromJsonAsync<List<ReceivedMessage>>("messages", Json) ?? [];

    public async Task<SmtpServerStats> StatsAsync() =>
        await _control.GetFromJsonAsync<SmtpServerStats>("stats", Json) ?? throw new InvalidOperationException("read SMTP stats: empty");

    public async Task ClearAsync()
    {
        using var response = await _control.DeleteAsync(new Uri("messages", UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Scripts faults, replacing any before: <c>greeting421</c>, <c>auth535</c>, <c>dropDuringData</c>, <c>transient451</c>
    /// (each <c>true</c>, <c>{"count":N}</c> or <c>{"percent":P}</c>), <c>rcpt</c> (address or "*" → code),
    /// <c>noStartTls</c>, <c>delayMs</c>. An empty object clears them.
    /// </summary>
    public async Task SetFaultsAsync(object faults)
    {
        using var response = await _control.PostAsJsonAsync(new Uri("faults", UriKind.Relative), faults, Json);
        response.EnsureSuccessStatusCode();
    }

    public ValueTask DisposeAsync()
    {
        _control.Dispose();
        return _server.DisposeAsync();
    }
}
