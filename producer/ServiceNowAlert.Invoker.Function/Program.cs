using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using ServiceNowAlert.AwsClients;
using ServiceNowAlert.Hosting;
using ServiceNowAlert.Invoker;
using ServiceNowAlert.Invoker.Function;

return await LambdaRuntime.RunAsync((init, _) =>
{
    var settings = InvokerSettings.FromEnvironment(init.Environment);
    var http = new HttpClient { Timeout = TimeSpan.FromMinutes(15) };
    IRoleAssumer? roles = null;
    if (settings.RoleArn is not null)
    {
        roles = new StsRoleAssumer(StsClientFactory.Create(settings), settings.RoleArn, init.FunctionName, settings.ExternalId, init.TimeProvider);
    }

    var invoker = new LambdaInvokeClient(http, settings.Region, settings.LambdaEndpoint, init.TimeProvider);
    var service = new InvokerService(settings, roles, OwnCredentials(settings), invoker, init.TimeProvider, init.Log);
    init.Log.Info("initialise invoker function: ready", LambdaLogExtensions.Field("target", settings.FunctionArn), LambdaLogExtensions.Field("assumesRole", settings.RoleArn is not null), LambdaLogExtensions.Field("accountName", settings.AccountName));
    return Task.FromResult<ILambdaHandler>(new InvokerHandler(service, settings.AccountName));
});

// Without a role to assume (local runs against the emulator) the function signs with its own credentials; the
// emulator does not check signatures, so a loopback endpoint also works with none configured.
static Func<CancellationToken, Task<AWSCredentials>> OwnCredentials(InvokerSettings settings) => async _ =>
{
    try
    {
        return await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync();
    }
    catch (AmazonClientException) when (settings.LambdaEndpoint is { IsLoopback: true })
    {
        return new BasicAWSCredentials("local", "local");
    }
};
