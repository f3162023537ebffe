namespace ServiceNowAlert.Alerting.Routing;

/// <summary>Rules a route matches on; an empty list matches anything. All non-empty lists must hold.</summary>
public sealed record RouteMatch
{
    private readonly IReadOnlyList<string> _severity = [];

    private readonly IReadOnlyList<string> _environment = [];

    private readonly IReadOnlyList<string> _application = [];

    private readonly IReadOnlyList<string> _account = [];

    /// <summary>Producer account ids (the alert's <c>producer.account</c>); one id or a list in the routes file.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(OneOrManyStringsConverter))]
    public IReadOnlyList<string> Account
    {
        get => _account;
        init => _account = value ?? [];
    }

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
