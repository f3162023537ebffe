namespace ServiceNowAlert.Alerting.Smtp;

/// <summary>The relay login. <see cref="ToString"/> never shows the password, so it cannot leak into a log by accident.</summary>
public sealed record SmtpCredentials(string Username, string Password)
{
    public override string ToString() => $"SmtpCredentials {{ Username = {Username}, Password = *** }}";
}
