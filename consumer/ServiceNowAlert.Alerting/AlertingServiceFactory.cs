using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using ServiceNowAlert.Alerting.Configuration;
using ServiceNowAlert.Alerting.Credentials;
using ServiceNowAlert.Alerting.Idempotency;
using ServiceNowAlert.Alerting.Pipeline;
using ServiceNowAlert.Alerting.Rendering;
using ServiceNowAlert.Alerting.Smtp;
using ServiceNowAlert.Hosting;

namespace ServiceNowAlert.Alerting;

/// <summary>Wires the pipeline from settings: parses templates, picks the transport and the credential source.</summary>
public static class AlertingServiceFactory
{
    public static AlertingService Create(AlertingSettings settings, TimeProvider time, ILambdaLog? log, Func<IAmazonSimpleSystemsManagement>? ssm = null, Func<IAmazonDynamoDB>? dynamoDb = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Create(settings, time, log, Credentials(settings, time, ssm), dynamoDb);
    }

    /// <summary>
    /// As <see cref="Create(AlertingSettings, TimeProvider, ILambdaLog?, Func{IAmazonSimpleSystemsManagement}?, Func{IAmazonDynamoDB}?)"/>,
    /// and reads the SMTP login once now, so a missing, undecryptable or malformed parameter fails start-up. The read
    /// was due on the first alert anyway (it is cached for its TTL), so a cold start costs no extra call. SSM failing
    /// for now does not stop start-up: the first alert reads it again.
    /// </summary>
    public static async Task<AlertingService> StartAsync(AlertingSettings settings, TimeProvider time, ILambdaLog? log, CancellationToken cancellationToken, Func<IAmazonSimpleSystemsManagement>? ssm = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var credentials = Credentials(settings, time, ssm);
        try
        {
            await credentials(cancellationToken);
        }
        catch (TransientAlertingException exception)
        {
            log?.Warn("read SMTP credentials at start-up: failed for now; the first alert reads them again", LambdaLogExtensions.Field("reason", exception.Message));
        }

        return Create(settings, time, log, credentials, null);
    }

    private static AlertingService Create(AlertingSettings settings, TimeProvider time, ILambdaLog? log, Func<CancellationToken, Task<SmtpCredentials?>> credentials, Func<IAmazonDynamoDB>? dynamoDb)
    {
        var renderer = new AlertRenderer(AlertTemplates.Load(settings.TemplatesDirectory));
        return new AlertingService(
            settings.Routes,
            renderer,
            CreateTransport(settings, credentials),
            CreateIdempotencyStore(settings, time, dynamoDb),
            new RepeatSuppressor(settings.RepeatInterval, time),
            time,
            log,
            producers: settings.Producers,
            producerNames: settings.ProducerNames);
    }

    public static IIdempotencyStore CreateIdempotencyStore(AlertingSettings settings, TimeProvider time, Func<IAmazonDynamoDB>? dynamoDb = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.IdempotencyTable is null
            ? new InMemoryIdempotencyStore(settings.DedupWindow)
            : new DynamoDbIdempotencyStore(
                AwsClient(dynamoDb ?? (() => new AmazonDynamoDBClient(new AmazonDynamoDBConfig { MaxErrorRetry = 1, Timeout = AlertingService.StoreTimeout })), AlertingEnvironmentVariables.IdempotencyTable),
                settings.IdempotencyTable,
                settings.IdempotencyRetention,
                time);
    }

    private static ISmtpTransport CreateTransport(AlertingSettings settings, Func<CancellationToken, Task<SmtpCredentials?>> credentials) =>
        settings.OutboxDirectory is not null ? new FileOutboxTransport(settings.OutboxDirectory) : new MailKitSmtpTransport(settings.Smtp!, credentials);

    private static Func<CancellationToken, Task<SmtpCredentials?>> Credentials(AlertingSettings settings, TimeProvider time, Func<IAmazonSimpleSystemsManagement>? ssm)
    {
        if (settings.OutboxDirectory is not null || settings.CredentialsParameter is null)
        {
            return _ => Task.FromResult(settings.LocalCredentials);
        }

        return new SsmSmtpCredentialSource(AwsClient(ssm ?? (() => new AmazonSimpleSystemsManagementClient()), AlertingEnvironmentVariables.SmtpCredentialsParameter), settings.CredentialsParameter, settings.CredentialsTtl, time).GetAsync;
    }

    // Outside Lambda (snalert, a laptop) the SDK may find no region; that is a configuration problem, said as one.
    private static T AwsClient<T>(Func<T> create, string variable)
    {
        try
        {
            return create();
        }
        catch (AmazonClientException exception)
        {
            throw new AlertingConfigurationException($"{variable} needs an AWS client: {exception.Message} (set AWS_REGION)", exception);
        }
    }
}
