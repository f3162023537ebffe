using System.Text.Json;
using MimeKit;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Routing;

/// <summary>
/// The routes, checked once at start-up: a request naming a route gets it; otherwise the first route whose match rules
/// all hold; otherwise the default route.
/// </summary>
public sealed class RouteTable
{
    private readonly Dictionary<string, RouteDefinition> _byName;
    private readonly RouteDefinition _default;

    private RouteTable(IReadOnlyList<RouteDefinition> routes, RouteDefinition fallback)
    {
        Routes = routes;
        _byName = routes.ToDictionary(route => route.Name, StringComparer.Ordinal);
        _default = fallback;
    }

    public IReadOnlyList<RouteDefinition> Routes { get; }

    public IEnumerable<string> Names => Routes.Select(route => route.Name);

    /// <summary>Parses and checks a routes document; throws <see cref="AlertingConfigurationException"/> listing every problem.</summary>
    public static RouteTable Parse(string json, string source)
    {
        RoutesDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, RoutesJsonContext.Default.RoutesDocument);
        }
        catch (JsonException exception)
        {
            throw new AlertingConfigurationException($"read routes {source}: {exception.Message}");
        }

        var problems = new List<string>();
        if (document is null || document.Routes.Count == 0)
        {
            throw new AlertingConfigurationException($"read routes {source}: no routes defined");
        }

        foreach (var route in document.Routes)
        {
            Check(route, problems);
        }

        foreach (var duplicate in document.Routes.GroupBy(route => route.Name).Where(group => group.Count() > 1))
        {
            problems.Add($"route '{duplicate.Key}' is defined {duplicate.Count()} times");
        }

        var defaultName = document.DefaultRoute ?? document.Routes[0].Name;
        var fallback = document.Routes.FirstOrDefault(route => route.Name == defaultName);
        if (fallback is null)
        {
            problems.Add($"defaultRoute '{defaultName}' is not one of the routes ({string.Join(", ", document.Routes.Select(r => r.Name))})");
        }

        return problems.Count > 0
            ? throw new AlertingConfigurationException($"read routes {source}: {string.Join("; ", problems)}")
            : new RouteTable(document.Routes, fallback!);
    }

    /// <summary>Picks the route for a request; null when it names a route that does not exist.</summary>
    public RouteDefinition? Select(AlertRequest request)
    {
        if (request.Route is not null)
        {
            return _byName.GetValueOrDefault(request.Route);
        }

        return Routes.FirstOrDefault(route => route.Match is { } match && Matches(match, request)) ?? _default;
    }

    private static bool Matches(RouteMatch match, AlertRequest request) =>
        (match.Application.Count > 0 || match.Environment.Count > 0 || match.Severity.Count > 0 || match.Account.Count > 0) &&
        (match.Account.Count == 0 || (request.Producer is { } producer && match.Account.Contains(producer.Account, StringComparer.Ordinal))) &&
        (match.Application.Count == 0 || match.Application.Contains(request.Application ?? string.Empty, StringComparer.OrdinalIgnoreCase)) &&
        (match.Environment.Count == 0 || match.Environment.Contains(request.Environment ?? string.Empty, StringComparer.OrdinalIgnoreCase)) &&
        (match.Severity.Count == 0 || match.Severity.Contains(request.Severity.ToString(), StringComparer.OrdinalIgnoreCase));

    private static void Check(RouteDefinition route, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(route.Name))
        {
            problems.Add("a route has no name");
        }

        if (!MailboxAddress.TryParse(route.From, out _))
        {
            problems.Add($"route '{route.Name}': from '{route.From}' is not an email address");
        }

        if (route.To.Count + route.Cc.Count + route.Bcc.Count == 0)
        {
            problems.Add($"route '{route.Name}' has no recipients");
        }

        foreach (var account in route.Match?.Account.Where(account => !AwsIdentifiers.IsAccountId(account)) ?? [])
        {
            problems.Add($"route '{route.Name}': match account '{account}' is not a 12-digit AWS account id");
        }

        foreach (var address in route.To.Concat(route.Cc).Concat(route.Bcc).Where(address => !MailboxAddress.TryParse(address, out _)))
        {
            problems.Add($"route '{route.Name}': '{address}' is not an email address");
        }
    }
}
