namespace ServiceNowAlert.LambdaEmulator;

/// <summary>One HTTP/1.1 request read off a loopback connection, body included.</summary>
internal sealed record LoopbackRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, bool KeepAlive)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
