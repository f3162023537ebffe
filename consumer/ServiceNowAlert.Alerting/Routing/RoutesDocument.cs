namespace ServiceNowAlert.Alerting.Routing;

/// <summary>The routes file: <c>{"defaultRoute": "...", "routes": [...]}</c>.</summary>
public sealed record RoutesDocument
{
    private readonly IReadOnlyList<RouteDefinition> _routes = [];

    public string? DefaultRoute { get; init; }

    public IReadOnlyList<RouteDefinition> Routes
    {
        get => _routes;
        init => _routes = value ?? [];
    }
}
