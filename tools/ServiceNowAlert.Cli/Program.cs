using System.CommandLine;
using ServiceNowAlert.Cli.Commands;

var root = new RootCommand("snalert: preview, validate, emit and smoke-test ServiceNowAlert alerts.")
{
    SendCommand.Create(),
    RenderCommand.Create(),
    ValidateCommand.Create(),
    EmitCommand.Create(),
    InvokeCommand.Create(),
    SchemaCommand.Create(),
    LocalCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
