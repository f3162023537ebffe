using ServiceNowAlert.EmptyFunction;
using ServiceNowAlert.Hosting;

return await LambdaRuntime.RunAsync((init, _) =>
    init.Environment.GetValueOrDefault("EMPTY_FUNCTION_FAIL_INIT") == "1"
        ? throw new InvalidOperationException("initialise empty function: told to fail by EMPTY_FUNCTION_FAIL_INIT")
        : Task.FromResult<ILambdaHandler>(new ScriptedHandler()));
