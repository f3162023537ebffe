using System.CommandLine;
using ServiceNowAlert.Cli.Commands;

var root = new RootCommand("snalert: preview, validate, emit and smoke-test ServiceNowAlert alerts.")
{
    ValidateCommand.Create(),
    SchemaCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
