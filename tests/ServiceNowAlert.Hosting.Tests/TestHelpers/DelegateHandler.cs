namespace ServiceNowAlert.Hosting.Tests.TestHelpers;

/// <summary>A handler made of a lambda, for loop tests.</summary>
internal sealed class DelegateHandler(Func<ReadOnlyMemory<byte>, ILambdaContext, Task<byte[]>> handle) : ILambdaHandler
{
    public Task<byte[]> HandleAsync(ReadOnlyMemory<byte> input, ILambdaContext context) => handle(input, context);
}
