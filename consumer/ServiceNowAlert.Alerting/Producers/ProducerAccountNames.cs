using ServiceNowAlert.Contracts;
using Env = ServiceNowAlert.Alerting.Configuration.AlertingEnvironmentVariables;

namespace ServiceNowAlert.Alerting.Producers;

/// <summary>
/// Account A's own display names of producer accounts ("111111111111=Payments prod,222222222222=Data"). A name here
/// wins over the one the producer sent, so the alerting account decides what its recipients read.
/// </summary>
public sealed class ProducerAccountNames
{
    private readonly Dictionary<string, string> _names;

    private ProducerAccountNames(Dictionary<string, string> names) => _names = names;

    public static ProducerAccountNames None { get; } = new([]);

    public int Count => _names.Count;

    public string? NameOf(string account) => _names.GetValueOrDefault(account);

    /// <summary>The producer with Account A's name for its account, when there is one.</summary>
    public AlertProducer Apply(AlertProducer producer)
    {
        ArgumentNullException.ThrowIfNull(producer);
        return NameOf(producer.Account) is { } name && name != producer.Name ? producer with { Name = name } : producer;
    }

    public static ProducerAccountNames Parse(string? text, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split(','))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var account = equals < 0 ? pair.Trim() : pair[..equals].Trim();
            var name = equals < 0 ? string.Empty : pair[(equals + 1)..].Trim();
            if (!AwsIdentifiers.IsAccountId(account) || AlertProducer.CheckName(name) is not null)
            {
                problems.Add($"{Env.ProducerAccountNames} entry '{pair.Trim()}' must be a 12-digit account id, '=' and a name of 1 to {AlertLimits.MaxProducerNameLength} characters without control characters");
            }
            else if (!names.TryAdd(account, name))
            {
                problems.Add($"{Env.ProducerAccountNames} names account {account} twice");
            }
        }

        return new ProducerAccountNames(names);
    }
}
