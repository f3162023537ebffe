using System.Text.Json;
using ServiceNowAlert.LambdaEmulator;

// Usage: lambda-emulator <config.json>
// Serves the Invoke API on 127.0.0.1 until Ctrl+C, printing the endpoint and every line the functions log.
if (args.Length != 1 || !File.Exists(args[0]))
{
    await Console.Error.WriteLineAsync("usage: lambda-emulator <config.json>  (see tools/ServiceNowAlert.LambdaEmulator/README.md)");
    return 2;
}

EmulatorConfiguration? configuration;
try
{
    configuration = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(args[0]), EmulatorJsonContext.Default.EmulatorConfiguration);
}
catch (JsonException exception)
{
    await Console.Error.WriteLineAsync($"lambda-emulator: read {args[0]}: {exception.Message}");
    return 2;
}

if (configuration is null || configuration.Functions.Count == 0)
{
    await Console.Error.WriteLineAsync($"lambda-emulator: read {args[0]}: no functions configured");
    return 2;
}

await using var emulator = new LambdaEmulator(
    configuration.Functions.Select(function => function.ToDefinition()),
    line => Console.WriteLine($"[{line.Function}] {line.Line}"),
    port: configuration.Port);
Console.WriteLine($"lambda-emulator: Invoke API at {emulator.Endpoint} serving {string.Join(", ", configuration.Functions.Select(f => f.Name))}");

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, signal) =>
{
    signal.Cancel = true;
    stop.Cancel();
};
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    await emulator.StopAsync(TimeSpan.FromSeconds(2));
}

return 0;
