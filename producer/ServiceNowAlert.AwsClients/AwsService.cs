namespace ServiceNowAlert.AwsClients;

/// <summary>
/// An AWS service as endpoint configuration names it: <see cref="ServiceId"/> is the SDK's service id
/// (AWS_ENDPOINT_URL_LAMBDA, the <c>lambda</c> key of a <c>[services]</c> section); <see cref="EndpointPrefix"/> is
/// the host prefix of its regional endpoint and its SigV4 signing name.
/// </summary>
public sealed record AwsService(string ServiceId, string EndpointPrefix)
{
    public static readonly AwsService Lambda = new("Lambda", "lambda");

    public static readonly AwsService EventBridge = new("EventBridge", "events");
}
