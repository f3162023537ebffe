namespace ServiceNowAlert.Invoker;

/// <summary>Every environment variable the invoker reads. The Caller stack sets them.</summary>
public static class InvokerEnvironmentVariables
{
    /// <summary>The cross-account role in Account A. Empty: use the function's own credentials (local runs).</summary>
    public const string TargetRoleArn = "SNALERT_TARGET_ROLE_ARN";

    /// <summary>The alerting function's alias ARN (arn:aws:lambda:region:account:function:name:alias). Required.</summary>
    public const string TargetFunctionArn = "SNALERT_TARGET_FUNCTION_ARN";

    /// <summary>The sts:ExternalId the role's trust policy asks for, if any.</summary>
    public const string ExternalId = "SNALERT_EXTERNAL_ID";

    /// <summary>Region of the alerting function; defaults to the one in its ARN.</summary>
    public const string TargetRegion = "SNALERT_TARGET_REGION";

    /// <summary>JSON list of {"pattern": "prod-*", "severity": "critical"} rules on alarm names.</summary>
    public const string SeverityRules = "SNALERT_SEVERITY_RULES";

    /// <summary>Severity when no rule or description token says; major when unset.</summary>
    public const string DefaultSeverity = "SNALERT_DEFAULT_SEVERITY";

    /// <summary><c>ignore</c> (default) or a severity for INSUFFICIENT_DATA alarm states.</summary>
    public const string InsufficientData = "SNALERT_INSUFFICIENT_DATA";

    /// <summary>Attempts per alert, first included; 4 when unset.</summary>
    public const string MaxAttempts = "SNALERT_MAX_ATTEMPTS";

    /// <summary>
    /// Display name of this producer account, sent with every alert as <c>producer.name</c> (the Caller stack's
    /// AccountName); at most 64 characters, no control characters. The account id always comes from the function's ARN.
    /// </summary>
    public const string AccountName = "SNALERT_ACCOUNT_NAME";

    /// <summary>Override of the STS endpoint (tests, VPC endpoints).</summary>
    public const string StsEndpoint = "SNALERT_STS_ENDPOINT";

    /// <summary>Override of the Lambda endpoint (tests, the local emulator).</summary>
    public const string LambdaEndpoint = "SNALERT_LAMBDA_ENDPOINT";
}
