namespace ServiceNowAlert.Alerting.Configuration;

/// <summary>Every environment variable the alerting function reads. The Callee stack sets them.</summary>
public static class AlertingEnvironmentVariables
{
    /// <summary>The relay's host name. Required unless <see cref="OutboxDir"/> is set.</summary>
    public const string SmtpHost = "SNALERT_SMTP_HOST";

    /// <summary>The relay's port; 2525 when unset.</summary>
    public const string SmtpPort = "SNALERT_SMTP_PORT";

    /// <summary><c>starttls</c> (default, and then STARTTLS is required), <c>implicit</c>, or <c>none</c> (local only).</summary>
    public const string SmtpTls = "SNALERT_SMTP_TLS";

    /// <summary>A PEM file with a CA to trust for the relay's certificate.</summary>
    public const string SmtpCaFile = "SNALERT_SMTP_CA_FILE";

    /// <summary><c>true</c> to check certificate revocation; off by default because the VPC has no route to CRL/OCSP hosts.</summary>
    public const string SmtpCheckRevocation = "SNALERT_SMTP_CHECK_REVOCATION";

    /// <summary>SSM parameter (SecureString, or <c>/aws/reference/secretsmanager/…</c>) holding <c>{"username","password"}</c>.</summary>
    public const string SmtpCredentialsParameter = "SNALERT_SMTP_CREDENTIALS_PARAMETER";

    /// <summary>How long the credentials read from SSM are cached, in seconds; 300 when unset.</summary>
    public const string SmtpCredentialsTtlSeconds = "SNALERT_SMTP_CREDENTIALS_TTL_SECONDS";

    /// <summary>Relay user for local runs (with <see cref="SmtpPassword"/>); in AWS use the SSM parameter.</summary>
    public const string SmtpUsername = "SNALERT_SMTP_USERNAME";

    /// <summary>Relay password for local runs.</summary>
    public const string SmtpPassword = "SNALERT_SMTP_PASSWORD";

    /// <summary>The routes document, inline JSON.</summary>
    public const string Routes = "SNALERT_ROUTES";

    /// <summary>A file with the routes document (instead of <see cref="Routes"/>).</summary>
    public const string RoutesFile = "SNALERT_ROUTES_FILE";

    /// <summary>A directory whose subject.sbn, text.sbn, html.sbn override the embedded templates.</summary>
    public const string TemplatesDir = "SNALERT_TEMPLATES_DIR";

    /// <summary>Seconds within which an identical firing alert is suppressed; 3600 when unset, 0 turns it off.</summary>
    public const string RepeatIntervalSeconds = "SNALERT_REPEAT_INTERVAL_SECONDS";

    /// <summary>How many alertIds the in-memory duplicate window keeps; 10000 when unset.</summary>
    public const string DedupWindow = "SNALERT_DEDUP_WINDOW";

    /// <summary>
    /// A DynamoDB table (partition key <c>id</c>, TTL attribute <c>expiresAt</c>) that makes idempotency hold across
    /// instances; without it each instance remembers its own recent alertIds. The endpoint can be overridden with the
    /// SDK's own <c>AWS_ENDPOINT_URL_DYNAMODB</c>.
    /// </summary>
    public const string IdempotencyTable = "SNALERT_IDEMPOTENCY_TABLE";

    /// <summary>Hours a sent alertId is remembered in the idempotency table; 48 when unset (longer than any AWS redelivery).</summary>
    public const string IdempotencyRetentionHours = "SNALERT_IDEMPOTENCY_RETENTION_HOURS";

    /// <summary>Write messages as .eml/.html files here instead of sending them (local runs and the CLI).</summary>
    public const string OutboxDir = "SNALERT_OUTBOX_DIR";

    /// <summary>
    /// Invoker role ARNs, comma-separated: their accounts are the producer allow-list (the Callee stack's
    /// InvokerRoleArns). Set, with <see cref="ProducerOrganization"/> empty, an alert from any other account is rejected.
    /// </summary>
    public const string ProducerRoleArns = "SNALERT_PRODUCER_ROLE_ARNS";

    /// <summary>An AWS Organizations ID: every account is accepted, since the role's trust policy limits the callers.</summary>
    public const string ProducerOrganization = "SNALERT_PRODUCER_ORGANIZATION";

    /// <summary>Display names of producer accounts, <c>111111111111=Payments prod,222222222222=Data</c>; they win over the producer's own.</summary>
    public const string ProducerAccountNames = "SNALERT_PRODUCER_ACCOUNT_NAMES";
}
