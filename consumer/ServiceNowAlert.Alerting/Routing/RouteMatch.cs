namespace ServiceNowAlert.Alerting.Routing;

/// <summary>Rules a route matches on; an empty list matches anything. All non-empty lists must hold.</summary>
public sealed record RouteMatch
{
    private readonly IReadOnlyList<string> _severity = [];

    private readonly IReadOnlyList<string> _environment = [];

    private readonly IReadOnlyList<string> _application = [];

    public IReadOnlyList<string> Application
    {
        get => _application;
        init => _application = value ?? [];
    }

    public IReadOnlyList<string> Environment
    {
        get => _environment;
        init => _environment = value ?? [];
    }

    public IReadOnlyList<string> Severity
    {
        get => _severity;
        init => _severity = value ?? [];
    }
}
