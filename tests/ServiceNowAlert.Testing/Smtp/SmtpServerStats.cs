namespace ServiceNowAlert.Testing.Smtp;

/// <summary>Counters the test SMTP server keeps.</summary>
public sealed record SmtpServerStats(int Connections, int Authentications, int Transactions, int Accepted, int FaultsInjected);
