using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Smtp;

/// <summary>
/// Delivers through the relay with MailKit. The connection is kept across warm invocations (a new TLS handshake and
/// login per alert would cost more than the send) and re-established when the relay has dropped it.
/// </summary>
public sealed class MailKitSmtpTransport : ISmtpTransport, IDisposable
{
    private readonly SmtpSettings _settings;
    private readonly Func<CancellationToken, Task<SmtpCredentials?>> _credentials;
    private readonly X509Certificate2Collection _trusted;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RecipientRecordingSmtpClient? _client;
    private long _lastUsed;

    /// <summary>A connection idle longer than this is checked with NOOP before use; a busy one is used as it is.</summary>
    public static readonly TimeSpan IdleBeforeCheck = TimeSpan.FromSeconds(5);

    public MailKitSmtpTransport(SmtpSettings settings, Func<CancellationToken, Task<SmtpCredentials?>> credentials)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _credentials = credentials;
        _trusted = settings.CaFile is null ? [] : LoadCa(settings.CaFile);
    }

    /// <summary>How many connections were opened (tests and benchmarks check reuse with it).</summary>
    public int ConnectionsOpened { get; private set; }

    public async Task<SmtpDelivery> SendAsync(MimeMessage message, IReadOnlyList<MailboxAddress> recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(recipients);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var client = await ConnectedClientAsync(cancellationToken);
            var accepted = 0;
            var refused = new List<RecipientFailure>();
            foreach (var batch in recipients.Chunk(_settings.MaxRecipientsPerTransaction))
            {
                client.ResetRefused();
                await Step(ct => client.SendAsync(FormatOptions.Default, message, message.From.Mailboxes.First(), batch, ct), cancellationToken);
                refused.AddRange(client.Refused);
                accepted += batch.Length - client.Refused.Count;
            }

            _lastUsed = Environment.TickCount64;
            return new SmtpDelivery(accepted, refused);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            await DropAsync();
            throw new SmtpDeliveryException($"send message: a step took longer than {_settings.StepTimeout.TotalSeconds} s", isTransient: true, innerException: exception);
        }
        catch (Exception exception) when (Classify(exception) is { } failure)
        {
            await DropAsync();
            throw failure;
        }
        catch
        {
            // Not the relay's answer: a configuration error, a dependency's own failure, or a bug. It keeps its kind.
            await DropAsync();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _client?.Dispose();
        _gate.Dispose();
    }

    private static X509Certificate2Collection LoadCa(string file)
    {
        try
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPemFile(file);
            return collection;
        }
        catch (Exception exception) when (exception is IOException or System.Security.Cryptography.CryptographicException)
        {
            throw new AlertingConfigurationException($"load SMTP CA file {file}: {exception.Message}", exception);
        }
    }

    private async Task<RecipientRecordingSmtpClient> ConnectedClientAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } && Environment.TickCount64 - _lastUsed < IdleBeforeCheck.TotalMilliseconds)
        {
            return _client;
        }

        if (_client is { IsConnected: true })
        {
            try
            {
                // A warm container may hold a connection the relay closed long ago; NOOP finds out cheaply.
                await Step(ct => _client.NoOpAsync(ct), cancellationToken);
                return _client;
            }
            catch (Exception exception) when (exception is IOException or SmtpProtocolException or SmtpCommandException or SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                await DropAsync();
            }
        }

        _client?.Dispose();
        var client = new RecipientRecordingSmtpClient
        {
            CheckCertificateRevocation = _settings.CheckCertificateRevocation,
            Timeout = (int)_settings.StepTimeout.TotalMilliseconds,
            ServerCertificateValidationCallback = ValidateCertificate,
        };
        _client = client;
        var options = _settings.Tls switch
        {
            SmtpTlsMode.Implicit => SecureSocketOptions.SslOnConnect,
            SmtpTlsMode.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await Step(async ct => await client.ConnectAsync(await OpenSocketAsync(ct), _settings.Host, _settings.Port, options, ct), cancellationToken);
        ConnectionsOpened++;
        var credentials = await _credentials(cancellationToken);
        if (credentials is not null)
        {
            await Step(ct => client.AuthenticateAsync(credentials.Username, credentials.Password, ct), cancellationToken);
        }

        return client;
    }

    // Nagle's algorithm would hold the last small segment of each message (the ".\r\n" after the body) until the relay
    // ACKs the previous one, and relays delay ACKs by up to 40 ms: every alert would wait that long. So: TCP_NODELAY.
    private async Task<Socket> OpenSocketAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new System.Net.DnsEndPoint(_settings.Host, _settings.Port), cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private bool ValidateCertificate(object sender, X509Certificate? certificate, X509Chain? chain, System.Net.Security.SslPolicyErrors errors)
    {
        if (errors == System.Net.Security.SslPolicyErrors.None)
        {
            return true;
        }

        if (_trusted.Count == 0 || certificate is null || errors != System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        // Trust the configured CA for this relay, and nothing else: build the chain against it alone.
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_trusted);
        custom.ChainPolicy.RevocationMode = _settings.CheckCertificateRevocation ? X509RevocationMode.Online : X509RevocationMode.NoCheck;
        return custom.Build(new X509Certificate2(certificate));
    }

    private async Task Step(Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.StepTimeout);
        await step(timeout.Token);
    }

    private async Task DropAsync()
    {
        var client = _client;
        _client = null;
        if (client is null)
        {
            return;
        }

        try
        {
            if (client.IsConnected)
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await client.DisconnectAsync(quit: false, quick.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or SmtpProtocolException)
        {
            // The connection is gone either way.
        }

        client.Dispose();
    }

    // Only what the relay or the network said is classified here; anything else is not this transport's to call
    // transient, so it is left as it is (and is not retried).
    private static SmtpDeliveryException? Classify(Exception exception)
    {
        return exception switch
        {
            SmtpCommandException command when (int)command.StatusCode is >= 400 and < 500 =>
                new SmtpDeliveryException($"send message: the relay answered {(int)command.StatusCode} {command.Message}", true, (int)command.StatusCode, command),
            SmtpCommandException command =>
                new SmtpDeliveryException($"send message: the relay refused it with {(int)command.StatusCode} {command.Message}", false, (int)command.StatusCode, command),
            AuthenticationException authentication =>
                new SmtpDeliveryException($"log in to the relay: {authentication.Message}", false, 535, authentication),
            SslHandshakeException tls =>
                new SmtpDeliveryException($"secure the connection: {tls.Message}", true, 0, tls),
            NotSupportedException unsupported =>
                new SmtpDeliveryException($"secure the connection: {unsupported.Message} (STARTTLS is required)", true, 0, unsupported),
            SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException or TimeoutException =>
                new SmtpDeliveryException($"send message: {exception.GetType().Name}: {exception.Message}", true, 0, exception),
            _ => null,
        };
    }
}
