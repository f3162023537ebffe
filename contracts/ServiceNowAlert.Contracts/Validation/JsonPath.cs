using System.Buffers;

namespace ServiceNowAlert.Contracts.Validation;

/// <summary>Builds JSONPath strings for problem locations: <c>$.links[1].url</c>, <c>$.details['disk free']</c>.</summary>
internal static class JsonPath
{
    public const string Root = "$";

    private static readonly SearchValues<char> PlainNameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    public static string Property(string parent, string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && !name.AsSpan().ContainsAnyExcept(PlainNameChars)
            ? $"{parent}.{name}"
            : $"{parent}['{Escape(name)}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    private static string Escape(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            _ = c switch
            {
                '\'' => builder.Append("\\'"),
                '\\' => builder.Append("\\\\"),
                < ' ' or '\u007f' => builder.Append($"\\u{(int)c:x4}"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
