namespace ServiceNowAlert.Hosting;

/// <summary>Environment variables the Lambda service sets for a custom runtime, and the ones the host sets back.</summary>
public static class LambdaEnvironment
{
    /// <summary>host:port of the Runtime API.</summary>
    public const string RuntimeApi = "AWS_LAMBDA_RUNTIME_API";

    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";

    public const string FunctionVersion = "AWS_LAMBDA_FUNCTION_VERSION";

    public const string MemorySize = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";

    public const string LogGroupName = "AWS_LAMBDA_LOG_GROUP_NAME";

    public const string LogStreamName = "AWS_LAMBDA_LOG_STREAM_NAME";

    /// <summary>TRACE, DEBUG, INFO, WARN, ERROR or FATAL; INFO when unset.</summary>
    public const string LogLevel = "AWS_LAMBDA_LOG_LEVEL";

    public const string Region = "AWS_REGION";

    /// <summary>Set by the host for each invocation so that the X-Ray SDK and our clients can propagate it.</summary>
    public const string TraceId = "_X_AMZN_TRACE_ID";
}
