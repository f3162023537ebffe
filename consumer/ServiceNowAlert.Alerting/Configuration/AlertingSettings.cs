using System.Globalization;
using ServiceNowAlert.Alerting.Producers;
using ServiceNowAlert.Alerting.Routing;
using ServiceNowAlert.Alerting.Smtp;
using Env = ServiceNowAlert.Alerting.Configuration.AlertingEnvironmentVariables;

namespace ServiceNowAlert.Alerting.Configuration;

/// <summary>The function's configuration, read and checked once at start-up; every problem is reported at once.</summary>
public sealed record AlertingSettings
{
    public SmtpSettings? Smtp { get; init; }

    public SmtpCredentials? LocalCredentials { get; init; }

    public string? CredentialsParameter { get; init; }

    public TimeSpan CredentialsTtl { get; init; } = TimeSpan.FromMinutes(5);

    public required RouteTable Routes { get; init; }

    public string? TemplatesDirectory { get; init; }

    public TimeSpan RepeatInterval { get; init; } = TimeSpan.FromHours(1);

    public int DedupWindow { get; init; } = 10_000;

    public string? IdempotencyTable { get; init; }

    public TimeSpan IdempotencyRetention { get; init; } = TimeSpan.FromHours(48);

    public string? OutboxDirectory { get; init; }

    public ProducerAllowList Producers { get; init; } = ProducerAllowList.Open;

    public ProducerAccountNames ProducerNames { get; init; } = ProducerAccountNames.None;

    public static AlertingSettings FromEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var problems = new List<string>();
        string? Get(string name) => environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        int Number(string name, int fallback, int min, int max)
        {
            var text = Get(name);
            if (text is null)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
            {
                return number;
            }

            problems.Add($"{name} must be a whole number from {min} to {max}; got '{text}'");
            return fallback;
        }

        var outbox = Get(Env.OutboxDir);
        var host = Get(Env.SmtpHost);
        if (host is null && outbox is null)
        {
            problems.Add($"{Env.SmtpHost} is required (or {Env.OutboxDir} to write messages to files)");
        }

        var tls = Get(Env.SmtpTls)?.ToLowerInvariant() switch
        {
            null or "starttls" => SmtpTlsMode.StartTls,
            "implicit" => SmtpTlsMode.Implicit,
            "none" => SmtpTlsMode.None,
            var other => Invalid(problems, $"{Env.SmtpTls} must be starttls, implicit or none; got '{other}'"),
        };
        var caFile = Get(Env.SmtpCaFile);
        if (caFile is not null && !File.Exists(caFile))
        {
            problems.Add($"{Env.SmtpCaFile} names {caFile}, which does not exist");
        }

        var port = Number(Env.SmtpPort, 2525, 1, 65535);
        var repeat = Number(Env.RepeatIntervalSeconds, 3600, 0, 7 * 24 * 3600);
        var window = Number(Env.DedupWindow, 10_000, 1, 10_000_000);
        var retention = Number(Env.IdempotencyRetentionHours, 48, 1, 24 * 365);
        var ttl = Number(Env.SmtpCredentialsTtlSeconds, 300, 0, 86_400);
        var username = Get(Env.SmtpUsername);
        var password = Get(Env.SmtpPassword);
        if ((username is null) != (password is null))
        {
            problems.Add($"{Env.SmtpUsername} and {Env.SmtpPassword} go together");
        }

        var routes = ReadRoutes(Get(Env.Routes), Get(Env.RoutesFile), problems);
        var templates = Get(Env.TemplatesDir);
        if (templates is not null && !Directory.Exists(templates))
        {
            problems.Add($"{Env.TemplatesDir} names {templates}, which does not exist");
        }

        // Set but empty is not the same as unset here: the Callee stack always sets both, and both empty must not
        // quietly accept every account.
        string? Raw(string name) => environment.TryGetValue(name, out var value) ? value : null;
        var producers = ProducerAllowList.Parse(Raw(Env.ProducerRoleArns), Raw(Env.ProducerOrganization), problems);
        var producerNames = ProducerAccountNames.Parse(Get(Env.ProducerAccountNames), problems);
        if (problems.Count > 0)
        {
            throw new AlertingConfigurationException("configure alerting function: " + string.Join("; ", problems));
        }

        return new AlertingSettings
        {
            Smtp = host is null ? null : new SmtpSettings { Host = host, Port = port, Tls = tls, CaFile = caFile, CheckCertificateRevocation = Get(Env.SmtpCheckRevocation) is "true" or "1" },
            LocalCredentials = username is null ? null : new SmtpCredentials(username, password!),
            CredentialsParameter = Get(Env.SmtpCredentialsParameter),
            CredentialsTtl = TimeSpan.FromSeconds(ttl),
            Routes = routes!,
            TemplatesDirectory = templates,
            RepeatInterval = TimeSpan.FromSeconds(repeat),
            DedupWindow = window,
            IdempotencyTable = Get(Env.IdempotencyTable),
            IdempotencyRetention = TimeSpan.FromHours(retention),
            OutboxDirectory = outbox,
            Producers = producers,
            ProducerNames = producerNames,
        };
    }

    private static SmtpTlsMode Invalid(List<string> problems, string problem)
    {
        problems.Add(problem);
        return SmtpTlsMode.StartTls;
    }

    private static RouteTable? ReadRoutes(string? inline, string? file, List<string> problems)
    {
        try
        {
            if (inline is not null)
            {
                return RouteTable.Parse(inline, Env.Routes);
            }

            if (file is not null)
            {
                return File.Exists(file) ? RouteTable.Parse(File.ReadAllText(file), file) : Fail(problems, $"{Env.RoutesFile} names {file}, which does not exist");
            }

            return Fail(problems, $"{Env.Routes} or {Env.RoutesFile} is required");
        }
        catch (AlertingConfigurationException exception)
        {
            return Fail(problems, exception.Message);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Fail(problems, $"read routes {file}: {exception.Message}");
        }
    }

    private static RouteTable? Fail(List<string> problems, string problem)
    {
        problems.Add(problem);
        return null;
    }
}
