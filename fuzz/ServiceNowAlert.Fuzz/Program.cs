using ServiceNowAlert.Fuzz;
using SharpFuzz;

// Usage: ServiceNowAlert.Fuzz <target>            (under afl-fuzz, input on stdin)
//        ServiceNowAlert.Fuzz <target> <file>...  (replay files once, for triage)
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    await Console.Error.WriteLineAsync($"usage: ServiceNowAlert.Fuzz <{string.Join('|', FuzzTargets.All.Keys)}> [file...]");
    return 2;
}

if (args.Length > 1)
{
    foreach (var file in args[1..])
    {
        target(await File.ReadAllBytesAsync(file));
        Console.WriteLine($"{file}: ok");
    }

    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;
