namespace ServiceNowAlert.Hosting;

/// <summary>Lambda's log levels, lowest first.</summary>
public enum LambdaLogLevel
{
    Trace,
    Debug,
    Info,
    Warn,
    Error,
    Fatal,
}
