namespace ServiceNowAlert.Testing.Smtp;

/// <summary>One message the test SMTP server accepted: the envelope, the raw MIME source, and how it arrived.</summary>
public sealed record ReceivedMessage(string From, IReadOnlyList<string> To, string Raw, bool Secure, string? User);
