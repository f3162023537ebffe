using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace ServiceNowAlert.AwsClients;

/// <summary>
/// STS AssumeRole on the cross-account role: 900-second sessions (role chaining caps at one hour), a RoleSessionName
/// and SourceIdentity naming the invoker, optional ExternalId. Cached per container and refreshed five minutes before
/// expiry; concurrent invocations share one refresh.
/// </summary>
public sealed class StsRoleAssumer(IAmazonSecurityTokenService sts, string roleArn, string sessionName, string? externalId, TimeProvider time) : IRoleAssumer, IDisposable
{
    public static readonly TimeSpan SessionLength = TimeSpan.FromSeconds(900);
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private AWSCredentials? _credentials;
    private DateTimeOffset _refreshAt;

    /// <summary>How many times STS was called (tests check reuse).</summary>
    public int Calls { get; private set; }

    public async Task<AWSCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        if (_credentials is not null && time.GetUtcNow() < _refreshAt)
        {
            return _credentials;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_credentials is not null && time.GetUtcNow() < _refreshAt)
            {
                return _credentials;
            }

            Calls++;
            var name = SessionName(sessionName);
            var issued = (await AssumeAsync(name, cancellationToken)).Credentials;
            if (issued is null || string.IsNullOrEmpty(issued.AccessKeyId) || string.IsNullOrEmpty(issued.SecretAccessKey) || string.IsNullOrEmpty(issued.SessionToken))
            {
                throw new RoleAssumptionException($"assume role {roleArn}: the answer held no credentials", isRetryable: true);
            }

            _credentials = new SessionAWSCredentials(issued.AccessKeyId, issued.SecretAccessKey, issued.SessionToken);
            var expires = issued.Expiration is { } expiration ? new DateTimeOffset(DateTime.SpecifyKind(expiration, DateTimeKind.Utc)) : time.GetUtcNow() + SessionLength;
            _refreshAt = expires - RefreshAhead;
            return _credentials;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private async Task<AssumeRoleResponse> AssumeAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await sts.AssumeRoleAsync(
                new AssumeRoleRequest
                {
                    RoleArn = roleArn,
                    RoleSessionName = name,
                    SourceIdentity = name,
                    ExternalId = externalId,
                    DurationSeconds = (int)SessionLength.TotalSeconds,
                },
                cancellationToken);
        }
        catch (AmazonServiceException exception) when (exception is not AmazonUnmarshallingException)
        {
            var throttled = exception.ErrorCode is "Throttling" or "ThrottlingException" or "RequestLimitExceeded";
            var retryable = throttled || (int)exception.StatusCode >= 500;
            throw new RoleAssumptionException($"assume role {roleArn}: {exception.ErrorCode ?? exception.StatusCode.ToString()} {exception.Message}", retryable, exception);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not RoleAssumptionException)
        {
            // Timeouts, dropped connections and answers the SDK cannot read (a proxy's HTML page, a cut-off body).
            throw new RoleAssumptionException($"assume role {roleArn}: {exception.GetType().Name}: {exception.Message}", isRetryable: true, exception);
        }
    }

    /// <summary>STS allows [\w+=,.@-]{2,64} in session names and source identities.</summary>
    private static string SessionName(string name)
    {
        var safe = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '=' or ',' or '.' or '@' or '-' ? c : '-'));
        return safe.Length < 2 ? "servicenowalert-invoker" : safe[..Math.Min(64, safe.Length)];
    }
}
