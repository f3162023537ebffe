namespace ServiceNowAlert.Hosting;

/// <summary>Fails the invocation with an error type of the function's choosing, which callers can act on.</summary>
public sealed class LambdaFunctionException : Exception
{
    public LambdaFunctionException(string errorType, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorType);
        ErrorType = errorType;
    }

    public LambdaFunctionException()
        : this("Function.Error", "the function failed")
    {
    }

    public LambdaFunctionException(string message)
        : this("Function.Error", message)
    {
    }

    public LambdaFunctionException(string message, Exception innerException)
        : this("Function.Error", message, innerException)
    {
    }

    /// <summary>The <c>errorType</c> Lambda reports to the caller.</summary>
    public string ErrorType { get; }
}
