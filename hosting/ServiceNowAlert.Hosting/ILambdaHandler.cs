namespace ServiceNowAlert.Hosting;

/// <summary>A function: bytes in, bytes out, with the invocation's context.</summary>
public interface ILambdaHandler
{
    /// <summary>Handles one invocation. Throw <see cref="LambdaFunctionException"/> to choose the reported error type.</summary>
    Task<byte[]> HandleAsync(ReadOnlyMemory<byte> input, ILambdaContext context);
}
