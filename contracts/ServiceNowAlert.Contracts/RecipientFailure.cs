namespace ServiceNowAlert.Contracts;

/// <summary>A recipient the relay would not take while others were accepted.</summary>
/// <param name="Recipient">The refused address.</param>
/// <param name="SmtpCode">The SMTP reply code, for example 550.</param>
/// <param name="Reason">The relay's reply text.</param>
public sealed record RecipientFailure(string Recipient, int SmtpCode, string Reason);
