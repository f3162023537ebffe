using System.CommandLine;
using System.Text.Json;
using ServiceNowAlert.AwsClients;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Emitter;

namespace ServiceNowAlert.Cli.Commands;

/// <summary>`snalert emit`: puts alert requests on an EventBridge bus as "ServiceNow Alert" events.</summary>
internal static class EmitCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "An alert request, or a JSON array of them." };
        var bus = new Option<string>("--bus") { Description = "Event bus name.", Required = true };
        var source = new Option<string>("--source") { Description = "The event's source, for example orders.app.", Required = true };
        var command = new Command("emit", """
            Put alert requests on an EventBridge bus as "ServiceNow Alert" events (what custom apps do with the emitter library).
            Credentials, region and endpoint come from the profile and the environment as for the AWS CLI. Nothing is put if any alert breaks the contract.
            Example: snalert emit --bus alerts --source orders.app samples/requests/valid/firing-major-minimal.json
            """)
        {
            file, bus, source,
        };
        AwsOptions.AddTo(command);
        command.Options.Add(CliOptions.Verbose);
        command.SetAction((parse, cancellation) => CliRunner.RunAsync(parse, async () =>
        {
            var alerts = Read(parse.GetValue(file)!);
            var aws = AwsSession.From(parse);
            var endpoint = aws.Endpoint(parse, AwsService.EventBridge);
            using var http = new HttpClient();
            var publisher = new EventBridgePublisher(http, aws.Region, endpoint, aws.Credentials(endpoint), TimeProvider.System);
            IReadOnlyList<EmitOutcome> outcomes;
            try
            {
                outcomes = await new AlertEmitter(publisher, parse.GetValue(bus)!, parse.GetValue(source)!, TimeProvider.System).EmitAsync(alerts, cancellation);
            }
            catch (HttpRequestException exception)
            {
                throw new CliException(exception.Message);
            }

            foreach (var outcome in outcomes)
            {
                Console.WriteLine(outcome.Succeeded
                    ? $"put       {outcome.AlertId}  event {outcome.EventId}"
                    : $"not put   {outcome.AlertId}  {outcome.Error}{string.Concat(outcome.Problems.Select(problem => "; " + problem))}");
            }

            return outcomes.All(outcome => outcome.Succeeded) ? 0 : 1;
        }));
        return command;
    }

    private static List<AlertRequest> Read(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliException($"read {file}: no such file");
        }

        var bytes = File.ReadAllBytes(file.FullName);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var items = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().ToList() : [document.RootElement];
            return [.. items.Select((item, index) =>
            {
                var read = AlertRequestReader.Read(item);
                return read.Request ?? throw new CliException($"{file}: alert {index} is invalid: {string.Join("; ", read.Problems)}");
            })];
        }
        catch (JsonException exception)
        {
            throw new CliException($"{file}: not JSON: {exception.Message}");
        }
    }
}
