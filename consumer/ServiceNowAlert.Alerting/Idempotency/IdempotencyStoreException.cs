namespace ServiceNowAlert.Alerting.Idempotency;

/// <summary>The idempotency store could not be read or written (throttled, unreachable, denied, malformed answer).</summary>
public sealed class IdempotencyStoreException(string message, Exception? innerException = null) : Exception(message, innerException);
