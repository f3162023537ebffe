using System.Text.Json;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ServiceNowAlert.Alerting.Pipeline;
using ServiceNowAlert.Alerting.Smtp;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Credentials;

/// <summary>
/// Reads the relay login from one SSM SecureString parameter (or a Secrets Manager secret through
/// <c>/aws/reference/secretsmanager/…</c>), decrypted, and caches it for a TTL so a warm instance does not ask on every
/// alert and a rotated password is picked up within the TTL. The value is JSON: <c>{"username":"…","password":"…"}</c>.
/// </summary>
public sealed class SsmSmtpCredentialSource(IAmazonSimpleSystemsManagement ssm, string parameterName, TimeSpan ttl, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private SmtpCredentials? _cached;
    private DateTimeOffset _expires;

    public async Task<SmtpCredentials?> GetAsync(CancellationToken cancellationToken)
    {
        if (_cached is not null && time.GetUtcNow() < _expires)
        {
            return _cached;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_cached is not null && time.GetUtcNow() < _expires)
            {
                return _cached;
            }

            _cached = Parse(await ReadAsync(cancellationToken));
            _expires = time.GetUtcNow() + ttl;
            return _cached;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    // What will fix the failure decides its kind: an operator (no such parameter, no access to it or its key, the
    // wrong type) makes it configuration; SSM answering 5xx, throttling or the network failing makes it transient.
    private async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        Parameter? parameter;
        try
        {
            parameter = (await ssm.GetParameterAsync(new GetParameterRequest { Name = parameterName, WithDecryption = true }, cancellationToken)).Parameter;
        }
        catch (ParameterNotFoundException exception)
        {
            throw new AlertingConfigurationException($"read SMTP credentials {parameterName}: no such parameter", exception);
        }
        catch (AmazonSimpleSystemsManagementException exception) when ((int)exception.StatusCode >= 500 || exception.ErrorCode is "ThrottlingException")
        {
            throw new TransientAlertingException(AlertErrorTypes.TransientDependencyFailure, $"read SMTP credentials {parameterName}: {exception.ErrorCode}", exception);
        }
        catch (AmazonServiceException exception) when ((int)exception.StatusCode is >= 400 and < 500)
        {
            throw new AlertingConfigurationException($"read SMTP credentials {parameterName}: {exception.ErrorCode}: {exception.Message}", exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException or TimeoutException)
        {
            throw new TransientAlertingException(AlertErrorTypes.TransientDependencyFailure, $"read SMTP credentials {parameterName}: {exception.GetType().Name}", exception);
        }

        if (parameter?.Type is { } type && type != ParameterType.SecureString)
        {
            throw new AlertingConfigurationException($"read SMTP credentials {parameterName}: the parameter is a {type.Value}; it must be a SecureString");
        }

        return parameter?.Value ?? throw new AlertingConfigurationException($"read SMTP credentials {parameterName}: the parameter has no value");
    }

    private SmtpCredentials Parse(string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            var username = document.RootElement.GetProperty("username").GetString();
            var password = document.RootElement.GetProperty("password").GetString();
            return !string.IsNullOrEmpty(username) && !string.IsNullOrEmpty(password)
                ? new SmtpCredentials(username, password)
                : throw new AlertingConfigurationException($"read SMTP credentials {parameterName}: username or password is empty");
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // The message names the parameter, never its value; the parser's own message quotes the value, so it goes.
            throw new AlertingConfigurationException($"read SMTP credentials {parameterName}: the value is not JSON with username and password ({exception.GetType().Name})");
        }
    }
}
