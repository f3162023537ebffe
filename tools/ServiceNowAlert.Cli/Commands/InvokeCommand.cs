using System.CommandLine;
using System.Text.Json;
using ServiceNowAlert.AwsClients;
using ServiceNowAlert.Hosting;
using ServiceNowAlert.Invoker;

namespace ServiceNowAlert.Cli.Commands;

/// <summary>`snalert invoke`: the invoker's path from a workstation (assume role, invoke, print the receipt).</summary>
internal static class InvokeCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "An AWS event or an alert request." };
        var functionArn = new Option<string>("--function-arn") { Description = "The alerting function's alias ARN.", Required = true };
        var roleArn = new Option<string?>("--role-arn") { Description = "The cross-account role to assume first." };
        var externalId = new Option<string?>("--external-id") { Description = "sts:ExternalId for the role." };
        var command = new Command("invoke", """
            Smoke-test a deployment: normalise the file as the invoker does, assume the role, invoke the alerting function and print its receipt.
            Credentials come from the profile through the standard AWS chain; the region is the function ARN's unless --region says otherwise.
            Example: snalert invoke --function-arn arn:aws:lambda:eu-west-1:111111111111:function:servicenowalert-alerting:live --role-arn arn:aws:iam::111111111111:role/servicenowalert-cross-account-invoke samples/events/cloudwatch-alarm-single-metric.json
            """)
        {
            file, functionArn, roleArn, externalId,
        };
        AwsOptions.AddTo(command);
        ProducerOptions.AddTo(command);
        command.Options.Add(CliOptions.Verbose);
        command.SetAction((parse, cancellation) => CliRunner.RunAsync(parse, async () =>
        {
            var producer = ProducerOptions.From(parse);
            var environment = new Dictionary<string, string> { [InvokerEnvironmentVariables.TargetFunctionArn] = parse.GetValue(functionArn)! };
            if (parse.GetValue(roleArn) is { } role)
            {
                environment[InvokerEnvironmentVariables.TargetRoleArn] = role;
            }

            InvokerSettings settings;
            try
            {
                settings = InvokerSettings.FromEnvironment(environment);
            }
            catch (InvalidOperationException exception)
            {
                throw new CliException(exception.Message.Replace(InvokerEnvironmentVariables.TargetFunctionArn, "--function-arn", StringComparison.Ordinal).Replace(InvokerEnvironmentVariables.TargetRoleArn, "--role-arn", StringComparison.Ordinal));
            }

            var input = parse.GetValue(file)!;
            if (!input.Exists)
            {
                throw new CliException($"read {input}: no such file");
            }

            var aws = AwsSession.From(parse, resourceRegion: settings.Region);
            settings = settings with { Region = aws.Region };
            var lambdaEndpoint = aws.Endpoint(parse, AwsService.Lambda);
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
            IRoleAssumer? roles = settings.RoleArn is null
                ? null
                : new StsRoleAssumer(aws.Sts(), settings.RoleArn, "snalert-cli", parse.GetValue(externalId), TimeProvider.System);
            var service = new InvokerService(settings, roles, aws.Credentials(lambdaEndpoint), new LambdaInvokeClient(http, aws.Region, lambdaEndpoint, TimeProvider.System), TimeProvider.System, new JsonLambdaLog(Console.Error, TimeProvider.System, LambdaLogLevel.Info));
            try
            {
                var response = await service.HandleAsync(File.ReadAllBytes(input.FullName), TimeProvider.System.GetUtcNow().AddMinutes(5), cancellation, producer);
                Console.WriteLine(JsonSerializer.Serialize(response, CliJsonContext.Readable.InvokerResponse));
                return 0;
            }
            catch (InvokerException exception)
            {
                throw new CliException($"{exception.ErrorType}: {exception.Message}");
            }
        }));
        return command;
    }
}
