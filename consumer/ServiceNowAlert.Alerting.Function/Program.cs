using ServiceNowAlert.Alerting;
using ServiceNowAlert.Alerting.Configuration;
using ServiceNowAlert.Alerting.Function;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Hosting;

return await LambdaRuntime.RunAsync(async (init, stopping) =>
{
    // Everything that can be wrong with the configuration (settings, routes, templates, the SMTP login's parameter)
    // fails here, once, as an init error of the configuration type, naming each problem and never a secret.
    try
    {
        var settings = AlertingSettings.FromEnvironment(init.Environment);
        var service = await AlertingServiceFactory.StartAsync(settings, init.TimeProvider, init.Log, stopping);
        init.Log.Info("initialise alerting function: ready", LambdaLogExtensions.Field("routes", string.Join(",", settings.Routes.Names)), LambdaLogExtensions.Field("transport", settings.OutboxDirectory is null ? "smtp" : "outbox"), LambdaLogExtensions.Field("idempotency", settings.IdempotencyTable ?? "memory"));
        return new AlertingHandler(service);
    }
    catch (AlertingConfigurationException exception)
    {
        throw new LambdaFunctionException(AlertErrorTypes.ConfigurationError, exception.Message, exception);
    }
});
