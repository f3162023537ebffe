using MailKit.Net.Smtp;
using MimeKit;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Smtp;

/// <summary>
/// An SmtpClient that records refused recipients instead of aborting the transaction on the first one, so one bad
/// address does not stop the alert reaching everyone else.
/// </summary>
internal sealed class RecipientRecordingSmtpClient : SmtpClient
{
    private readonly List<RecipientFailure> _refused = [];

    public IReadOnlyList<RecipientFailure> Refused => _refused;

    public void ResetRefused() => _refused.Clear();

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
        _refused.Add(new RecipientFailure(mailbox.Address, (int)response.StatusCode, response.Response));

    protected override void OnNoRecipientsAccepted(MimeMessage message)
    {
        // Transient when any refusal was a 4xx: the same recipients may be accepted later.
        var transient = _refused.Any(failure => failure.SmtpCode is >= 400 and < 500);
        var code = _refused.Count > 0 ? _refused[0].SmtpCode : 0;
        throw new SmtpDeliveryException(
            $"send message: the relay accepted no recipient ({string.Join("; ", _refused.Select(f => $"{f.Recipient}: {f.SmtpCode} {f.Reason}"))})",
            transient,
            code);
    }
}
