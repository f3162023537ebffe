using System.Text;

namespace ServiceNowAlert.LambdaEmulator;

/// <summary>An HTTP/1.1 response, turned into one buffer so that it leaves in one write (one segment on loopback).</summary>
internal sealed record LoopbackResponse(int Status, byte[] Body, IReadOnlyList<KeyValuePair<string, string>>? Headers = null)
{
    public static LoopbackResponse Empty(int status) => new(status, []);

    public byte[] ToBytes(bool keepAlive)
    {
        var head = new StringBuilder(256).Append("HTTP/1.1 ").Append(Status).Append(' ').Append(Reason(Status)).Append("\r\n");
        foreach (var (name, value) in Headers ?? [])
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (Status != 204)
        {
            head.Append("Content-Length: ").Append(Body.Length).Append("\r\n");
        }

        head.Append(keepAlive ? "\r\n" : "Connection: close\r\n\r\n");
        var bytes = new byte[Encoding.ASCII.GetByteCount(head.ToString()) + Body.Length];
        var written = Encoding.ASCII.GetBytes(head.ToString(), bytes);
        Body.CopyTo(bytes, written);
        return bytes;
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        202 => "Accepted",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        _ => "Status",
    };
}
