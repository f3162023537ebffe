using Amazon.SimpleSystemsManagement;
using ServiceNowAlert.Alerting.Configuration;
using ServiceNowAlert.Alerting.Credentials;
using ServiceNowAlert.Alerting.Idempotency;
using ServiceNowAlert.Alerting.Pipeline;
using ServiceNowAlert.Alerting.Rendering;
using ServiceNowAlert.Alerting.Smtp;

namespace ServiceNowAlert.Alerting;

/// <summary>Wires the pipeline from settings: parses templates, picks the transport and the credential source.</summary>
public static class AlertingServiceFactory
{
    public static AlertingService Create(AlertingSettings settings, TimeProvider time, IAlertingLogSink? log, Func<IAmazonSimpleSystemsManagement>? ssm = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var renderer = new AlertRenderer(AlertTemplates.Load(settings.TemplatesDirectory));
        return new AlertingService(
            settings.Routes,
            renderer,
            CreateTransport(settings, time, ssm),
            new InMemoryIdempotencyStore(settings.DedupWindow),
            new RepeatSuppressor(settings.RepeatInterval, time),
            time,
            log);
    }

    public static ISmtpTransport CreateTransport(AlertingSettings settings, TimeProvider time, Func<IAmazonSimpleSystemsManagement>? ssm = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.OutboxDirectory is not null)
        {
            return new FileOutboxTransport(settings.OutboxDirectory);
        }

        Func<CancellationToken, Task<SmtpCredentials?>> credentials = _ => Task.FromResult(settings.LocalCredentials);
        if (settings.CredentialsParameter is not null)
        {
            var source = new SsmSmtpCredentialSource((ssm ?? (() => new AmazonSimpleSystemsManagementClient()))(), settings.CredentialsParameter, settings.CredentialsTtl, time);
            credentials = source.GetAsync;
        }

        return new MailKitSmtpTransport(settings.Smtp!, credentials);
    }
}
