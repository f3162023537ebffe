using System.Globalization;
using ServiceNowAlert.Delivery.Benchmarks;

// Usage: ServiceNowAlert.Delivery.Benchmarks smtp [messages=500] | invoke [calls=5000] | e2e [events=1000] | all
var what = args.Length > 0 ? args[0] : "all";
int Count(int fallback) => args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : fallback;
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}");
if (what is "smtp" or "all")
{
    await SmtpReuse.RunAsync(Count(500));
}

if (what is "invoke" or "all")
{
    await InvokeOverhead.RunAsync(Count(5000));
}

if (what is "e2e" or "all")
{
    await WarmEndToEnd.RunAsync(Count(1000));
}

return what is "smtp" or "invoke" or "e2e" or "all" ? 0 : 2;
