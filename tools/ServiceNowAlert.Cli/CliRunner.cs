using ServiceNowAlert.Alerting;

namespace ServiceNowAlert.Cli;

/// <summary>Runs a command body: expected failures become one line on standard error and exit code 1.</summary>
internal static class CliRunner
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception exception) when (exception is CliException or AlertingConfigurationException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"snalert: {exception.Message}");
            if (Environment.GetEnvironmentVariable("SNALERT_VERBOSE") == "1")
            {
                await Console.Error.WriteLineAsync(exception.ToString());
            }

            return 1;
        }
    }
}
