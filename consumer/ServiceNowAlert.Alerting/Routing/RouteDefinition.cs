namespace ServiceNowAlert.Alerting.Routing;

/// <summary>Where one kind of alert goes. Owned by Account A: requests can only name a route, never addresses.</summary>
public sealed record RouteDefinition
{
    private readonly IReadOnlyList<string> _bcc = [];

    private readonly IReadOnlyList<string> _cc = [];

    private readonly IReadOnlyList<string> _to = [];

    public required string Name { get; init; }

    public required string From { get; init; }

    public IReadOnlyList<string> To
    {
        get => _to;
        init => _to = value ?? [];
    }

    public IReadOnlyList<string> Cc
    {
        get => _cc;
        init => _cc = value ?? [];
    }

    public IReadOnlyList<string> Bcc
    {
        get => _bcc;
        init => _bcc = value ?? [];
    }

    public RouteMatch? Match { get; init; }
}
