using System.CommandLine;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Cli.Commands;

/// <summary>`snalert schema`: prints the contract's JSON Schema.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var version = new Option<int>("--version") { Description = "Major version of the contract.", DefaultValueFactory = _ => 1 };
        var result = new Option<bool>("--result") { Description = "Print the result (receipt) schema instead of the request schema." };
        var command = new Command("schema", """
            Print the JSON Schema (draft 2020-12) of the alert request or result.
            Example: snalert schema --version 1 > alert-request.v1.schema.json
            """)
        {
            version, result,
        };
        command.Options.Add(CliOptions.Verbose);
        command.SetAction(parse =>
        {
            var schema = AlertSchemas.ForVersion(parse.GetValue(version), parse.GetValue(result));
            if (schema is null)
            {
                Console.Error.WriteLine($"snalert schema: no schema for version {parse.GetValue(version)}; supported: {AlertSchemaVersion.SupportedText}");
                return 2;
            }

            Console.Write(schema);
            return 0;
        });
        return command;
    }
}
