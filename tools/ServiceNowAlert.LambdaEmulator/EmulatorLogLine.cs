namespace ServiceNowAlert.LambdaEmulator;

/// <summary>One line a function instance wrote to standard output or error.</summary>
public sealed record EmulatorLogLine(DateTimeOffset At, string Function, string Line);
