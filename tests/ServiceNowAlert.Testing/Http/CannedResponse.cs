namespace ServiceNowAlert.Testing.Http;

/// <summary>What a fake endpoint answers. <see cref="Delay"/> makes it slow; <see cref="DropConnection"/> makes it hang up.</summary>
public sealed record CannedResponse(int StatusCode, string Body = "", string ContentType = "application/json")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public TimeSpan Delay { get; init; }

    public bool DropConnection { get; init; }

    public static CannedResponse Json(string body, int statusCode = 200) => new(statusCode, body);

    public static CannedResponse Xml(string body, int statusCode = 200) => new(statusCode, body, "text/xml");
}
