namespace ServiceNowAlert.Hosting.Client;

/// <summary>The Lambda Runtime API (2018-06-01), as a custom runtime uses it.</summary>
public interface IRuntimeApiClient
{
    /// <summary>Long-polls <c>GET /runtime/invocation/next</c>.</summary>
    Task<RuntimeInvocation> GetNextInvocationAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/invocation/{id}/response</c>.</summary>
    Task PostResponseAsync(string requestId, byte[] body, CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/invocation/{id}/error</c> with <c>Lambda-Runtime-Function-Error-Type</c>.</summary>
    Task PostErrorAsync(string requestId, RuntimeError failure, CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/init/error</c>; the process exits after it.</summary>
    Task PostInitErrorAsync(RuntimeError failure, CancellationToken cancellationToken);
}
