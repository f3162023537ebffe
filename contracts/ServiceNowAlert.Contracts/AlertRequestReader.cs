using System.Text.Json;
using System.Text.Unicode;
using ServiceNowAlert.Contracts.Validation;

namespace ServiceNowAlert.Contracts;

/// <summary>
/// The contract's JSON boundary: turns bytes into a valid <see cref="AlertRequest"/> or into every problem they have.
/// Never throws for bad input.
/// </summary>
public static class AlertRequestReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    /// <summary>Reads one request from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The request body.</param>
    /// <returns>The request, or every problem found.</returns>
    public static AlertReadResult Read(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.Length > AlertLimits.MaxRequestBytes)
        {
            return Fail(JsonPath.Root, AlertProblemCodes.TooLarge, $"the alert request is {utf8Json.Length} bytes; the limit is {AlertLimits.MaxRequestBytes} bytes");
        }

        // JsonDocument checks UTF-8 lazily, when a string is decoded; refuse it here so no later step can throw on it.
        if (!Utf8.IsValid(utf8Json.Span))
        {
            return Fail(JsonPath.Root, AlertProblemCodes.MalformedJson, "the alert request is not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            return Fail(JsonPath.Root, AlertProblemCodes.MalformedJson, $"the alert request is not well-formed JSON: {exception.Message}");
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    /// <summary>Reads one request from an already parsed element, for example one entry of a batch.</summary>
    /// <param name="element">The request as parsed JSON.</param>
    /// <returns>The request, or every problem found.</returns>
    public static AlertReadResult Read(JsonElement element)
    {
        var problems = new ProblemCollector();
        try
        {
            DuplicateKeyFinder.Find(element, JsonPath.Root, problems);
            AlertRequestRules.Check(element, problems);
        }
        catch (InvalidOperationException)
        {
            // Thrown when a property name holds an escape that is not valid UTF-16, such as a lone "\ud800".
            return Fail(JsonPath.Root, AlertProblemCodes.BadFormat, "the alert request holds an escape sequence that is not valid Unicode (an unpaired surrogate)");
        }

        var alertId = ReadAlertId(element);
        if (problems.Count > 0)
        {
            return new AlertReadResult { Problems = problems.Problems, AlertId = alertId };
        }

        try
        {
            var request = element.Deserialize(AlertJsonContext.Default.AlertRequest);
            return request is null
                ? Fail(JsonPath.Root, AlertProblemCodes.WrongType, "the alert request must be a JSON object, not null")
                : new AlertReadResult { Request = request, AlertId = request.AlertId };
        }
        catch (JsonException exception)
        {
            // The rules above should leave nothing for the serializer to refuse; if they ever do, say so rather than throw.
            return Fail(exception.Path ?? JsonPath.Root, AlertProblemCodes.WrongType, $"read alert request: {exception.Message}");
        }
    }

    private static string ReadAlertId(JsonElement element)
    {
        try
        {
            return element.ValueKind == JsonValueKind.Object &&
                element.TryGetProperty("alertId", out var id) &&
                id.ValueKind == JsonValueKind.String &&
                id.GetString() is { } text && TextRules.FindForbiddenInSingleLine(text) < 0 && text.Length <= AlertLimits.MaxAlertIdLength
                    ? text
                    : string.Empty;
        }
        catch (InvalidOperationException)
        {
            return string.Empty;
        }
    }

    private static AlertReadResult Fail(string path, string code, string message) =>
        new() { Problems = [new AlertProblem(path, code, message)] };
}
