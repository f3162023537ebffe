using System.Security.Cryptography;
using System.Text;

namespace ServiceNowAlert.Alerting.Mail;

/// <summary>
/// Stateless message ids. An alert's Message-ID comes from its alertId, so a retry sends the same id and receivers can
/// drop the copy. Every alert of one correlationKey also refers to the same thread id, so the firing alert and its
/// resolution thread together in mail clients without the function remembering anything.
/// </summary>
public static class MessageIds
{
    public static string ForAlert(string alertId, string domain) => $"{Hash(alertId)}.alert@{domain}";

    public static string ForThread(string correlationKey, string domain) => $"{Hash(correlationKey)}.thread@{domain}";

    /// <summary>The domain of the sender's address, which the ids use so they are unique to this sender.</summary>
    public static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        var domain = at < 0 ? "servicenowalert.local" : address[(at + 1)..].Trim().TrimEnd('>');
        return domain.Length == 0 ? "servicenowalert.local" : domain;
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];
}
