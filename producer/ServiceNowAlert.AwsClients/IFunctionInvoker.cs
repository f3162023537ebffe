using Amazon.Runtime;

namespace ServiceNowAlert.AwsClients;

/// <summary>Invokes a Lambda function synchronously (RequestResponse). The official AWSSDK.Lambda can replace it.</summary>
public interface IFunctionInvoker
{
    Task<FunctionInvocation> InvokeAsync(string functionArn, byte[] payload, AWSCredentials credentials, CancellationToken cancellationToken);
}
