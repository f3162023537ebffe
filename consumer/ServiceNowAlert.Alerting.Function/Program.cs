using ServiceNowAlert.Alerting;
using ServiceNowAlert.Alerting.Configuration;
using ServiceNowAlert.Alerting.Function;
using ServiceNowAlert.Hosting;

return await LambdaRuntime.RunAsync((init, _) =>
{
    // Everything that can be wrong with the configuration fails here, once, as an init error naming each problem.
    var settings = AlertingSettings.FromEnvironment(init.Environment);
    var service = AlertingServiceFactory.Create(settings, init.TimeProvider, new LambdaLogSink(init.Log));
    if (settings.IdempotencyTable is not null)
    {
        // Said loudly rather than ignored: this build keeps the duplicate window in each instance's memory only.
        init.Log.Warn("initialise alerting function: SNALERT_IDEMPOTENCY_TABLE is set, but this build does not use DynamoDB yet; duplicates are caught per instance only", LambdaLogExtensions.Field("table", settings.IdempotencyTable));
    }

    init.Log.Info("initialise alerting function: ready", LambdaLogExtensions.Field("routes", string.Join(",", settings.Routes.Names)), LambdaLogExtensions.Field("transport", settings.OutboxDirectory is null ? "smtp" : "outbox"));
    return Task.FromResult<ILambdaHandler>(new AlertingHandler(service));
});
