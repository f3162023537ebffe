using ServiceNowAlert.Alerting;
using ServiceNowAlert.Alerting.Configuration;
using ServiceNowAlert.Alerting.Function;
using ServiceNowAlert.Hosting;

return await LambdaRuntime.RunAsync((init, _) =>
{
    // Everything that can be wrong with the configuration fails here, once, as an init error naming each problem.
    var settings = AlertingSettings.FromEnvironment(init.Environment);
    var service = AlertingServiceFactory.Create(settings, init.TimeProvider, init.Log);
    init.Log.Info("initialise alerting function: ready", LambdaLogExtensions.Field("routes", string.Join(",", settings.Routes.Names)), LambdaLogExtensions.Field("transport", settings.OutboxDirectory is null ? "smtp" : "outbox"), LambdaLogExtensions.Field("idempotency", settings.IdempotencyTable ?? "memory"));
    return Task.FromResult<ILambdaHandler>(new AlertingHandler(service));
});
