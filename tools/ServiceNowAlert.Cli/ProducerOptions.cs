using System.CommandLine;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Cli;

/// <summary>`--producer-account` and `--producer-name`: send as an invoker of that account would (contract 1.1's producer).</summary>
internal static class ProducerOptions
{
    public static readonly Option<string?> Account = new("--producer-account") { Description = "Stamp producer.account (12 digits) on every alert, as the invoker in that account does." };

    public static readonly Option<string?> Name = new("--producer-name") { Description = "Stamp producer.name (with --producer-account), as SNALERT_ACCOUNT_NAME does." };

    public static void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Account);
        command.Options.Add(Name);
    }

    /// <summary>The producer the options give, or null without --producer-account.</summary>
    public static AlertProducer? From(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var account = parse.GetValue(Account);
        var name = parse.GetValue(Name);
        if (account is null)
        {
            return name is null ? null : throw new CliException("--producer-name needs --producer-account");
        }

        if (!AwsIdentifiers.IsAccountId(account))
        {
            throw new CliException($"--producer-account must be a 12-digit AWS account id; got '{account}'");
        }

        return name is not null && AlertProducer.CheckName(name) is { } problem ? throw new CliException($"--producer-name: {problem}") : new AlertProducer(account, name);
    }
}
