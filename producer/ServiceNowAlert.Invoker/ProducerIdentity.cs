using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Invoker;

/// <summary>
/// Who this invoker sends alerts as: the account in its own invoked function ARN (which Lambda sets, so it cannot be
/// configured wrong) and the display name from <see cref="InvokerEnvironmentVariables.AccountName"/>.
/// </summary>
public static class ProducerIdentity
{
    /// <summary>The producer for an invocation, or null when the ARN holds no account id (never so in Lambda).</summary>
    /// <param name="invokedFunctionArn">The Runtime API's Lambda-Invoked-Function-Arn, arn:aws:lambda:region:account:function:name[:qualifier].</param>
    /// <param name="accountName">The account's display name, checked at start-up; null for none.</param>
    /// <returns>The producer to stamp on every alert.</returns>
    public static AlertProducer? FromInvokedFunctionArn(string? invokedFunctionArn, string? accountName)
    {
        var parts = invokedFunctionArn?.Split(':');
        return parts is { Length: >= 7 } && parts[0] == "arn" && parts[2] == "lambda" && AwsIdentifiers.IsAccountId(parts[4])
            ? new AlertProducer(parts[4], accountName)
            : null;
    }
}
