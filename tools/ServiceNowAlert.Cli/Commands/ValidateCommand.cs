using System.CommandLine;
using System.Text.Json;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Cli.Commands;

/// <summary>`snalert validate FILE...`: checks alert requests against the contract and lists every problem.</summary>
internal static class ValidateCommand
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int Unreadable = 2;

    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("file") { Description = "Alert request JSON files.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the verdicts as JSON for machines." };
        var print = new Option<bool>("--print") { Description = "Print each valid request as the contract writes it." };
        var command = new Command("validate", """
            Validate alert requests against the contract; every problem is listed with its JSON path.
            Exit code 0 when every file is valid, 1 when any is not, 2 when a file cannot be read.
            Example: snalert validate samples/requests/valid/firing-critical-full.json --print
            """)
        {
            files, json, print,
        };
        command.Options.Add(CliOptions.Verbose);
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(json), parse.GetValue(print)));
        return command;
    }

    private static int Run(FileInfo[] files, bool asJson, bool print)
    {
        var reports = new List<ValidationReport>();
        var exitCode = Valid;
        foreach (var file in files)
        {
            if (!file.Exists)
            {
                Console.Error.WriteLine($"snalert validate: read {file.FullName}: no such file");
                exitCode = Unreadable;
                continue;
            }

            var result = AlertRequestReader.Read(File.ReadAllBytes(file.FullName));
            reports.Add(new ValidationReport(file.ToString(), result.IsValid, result.AlertId, result.Problems));
            exitCode = result.IsValid || exitCode == Unreadable ? exitCode : Invalid;
            if (!asJson)
            {
                PrintHuman(file, result, print);
            }
        }

        if (asJson)
        {
            Console.WriteLine(JsonSerializer.Serialize(reports, CliJsonContext.Readable.ListValidationReport));
        }

        return exitCode;
    }

    private static void PrintHuman(FileInfo file, AlertReadResult result, bool print)
    {
        if (result.IsValid)
        {
            var request = result.Request!;
            Console.WriteLine($"{file}: valid ({request.Status.ToString().ToLowerInvariant()}, {request.Severity.ToString().ToLowerInvariant()}, alert {request.AlertId})");
            if (print)
            {
                Console.WriteLine(PrettyJson.Format(AlertJson.Serialize(request)));
            }

            return;
        }

        Console.WriteLine($"{file}: {result.Problems.Count} problem{(result.Problems.Count == 1 ? string.Empty : "s")}");
        foreach (var problem in result.Problems)
        {
            Console.WriteLine($"  {problem.Path}  [{problem.Code}]  {problem.Message}");
        }
    }
}
