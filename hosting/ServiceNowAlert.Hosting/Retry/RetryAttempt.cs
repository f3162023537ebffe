namespace ServiceNowAlert.Hosting;

/// <summary>An attempt that failed and will be tried again: its number (the first is 1), the wait, and why.</summary>
public sealed record RetryAttempt(int Attempt, TimeSpan Delay, Exception Failure);
