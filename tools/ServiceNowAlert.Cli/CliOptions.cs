using System.CommandLine;

namespace ServiceNowAlert.Cli;

/// <summary>Options every command takes.</summary>
internal static class CliOptions
{
    /// <summary>Show the stack trace with an error.</summary>
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Show details (stack traces) with errors.", Arity = ArgumentArity.Zero };
}
