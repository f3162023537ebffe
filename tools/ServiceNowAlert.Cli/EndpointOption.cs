namespace ServiceNowAlert.Cli;

/// <summary>Parses <c>--endpoint-url</c> like the AWS CLI: an absolute http(s) URL, or nothing.</summary>
internal static class EndpointOption
{
    public static Uri? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new CliException($"--endpoint-url {text}: expected an http or https URL");
    }
}
