using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Smtp;

/// <summary>What the relay accepted: how many recipients, and each one it refused while taking others.</summary>
public sealed record SmtpDelivery(int AcceptedRecipients, IReadOnlyList<RecipientFailure> FailedRecipients);
