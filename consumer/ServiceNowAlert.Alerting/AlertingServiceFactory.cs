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
        var renderer = new AlertRenderer(AlertTemplates.Load(settings.TemplatesDirectory));
        return new AlertingService(
            settings.Routes,
            renderer,
            CreateTransport(settings, time, ssm),
            CreateIdempotencyStore(settings, time, dynamoDb),
            new RepeatSuppressor(settings.RepeatInterval, time),
            time,
            log);
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
            var source = new SsmSmtpCredentialSource(AwsClient(ssm ?? (() => new AmazonSimpleSystemsManagementClient()), AlertingEnvironmentVariables.SmtpCredentialsParameter), settings.CredentialsParameter, settings.CredentialsTtl, time);
            credentials = source.GetAsync;
        }

        return new MailKitSmtpTransport(settings.Smtp!, credentials);
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
