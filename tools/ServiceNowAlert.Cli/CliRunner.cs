using System.CommandLine;

namespace ServiceNowAlert.Cli;

/// <summary>Runs a command body: any failure becomes one line on standard error and exit code 1; details with --verbose.</summary>
internal static class CliRunner
{
    public static async Task<int> RunAsync(ParseResult parse, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("snalert: cancelled");
            return 130;
        }
        catch (Exception exception)
        {
            var expected = exception is CliException or Alerting.AlertingConfigurationException or IOException or UnauthorizedAccessException;
            await Console.Error.WriteLineAsync(expected ? $"snalert: {exception.Message}" : $"snalert: unexpected {exception.GetType().Name}: {exception.Message}");
            if (parse.GetValue(CliOptions.Verbose))
            {
                await Console.Error.WriteLineAsync(exception.ToString());
            }

            return 1;
        }
    }
}
