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
        AlertRequest request;
        try
        {
            DuplicateKeyFinder.Find(element, JsonPath.Root, problems);
            if (element.ValueKind != JsonValueKind.Object)
            {
                problems.Add(JsonPath.Root, AlertProblemCodes.WrongType, $"the alert request must be a JSON object, not {JsonRequestReader.Describe(element.ValueKind)}");
                return new AlertReadResult { Problems = problems.Problems };
            }

            var jsonProblems = new ProblemCollector();
            request = JsonRequestReader.Read(element, jsonProblems);
            problems.Hold(jsonProblems.Problems);
        }
        catch (InvalidOperationException)
        {
            // Thrown when a property name holds an escape that is not valid UTF-16, such as a lone "\ud800".
            return Fail(JsonPath.Root, AlertProblemCodes.BadFormat, "the alert request holds an escape sequence that is not valid Unicode (an unpaired surrogate)");
        }

        if (AlertRequestRules.Check(request, problems))
        {
            problems.ReleaseAll();
        }

        return problems.Count > 0
            ? new AlertReadResult { Problems = problems.Problems, AlertId = IsReadableId(request.AlertId) ? request.AlertId : string.Empty }
            : new AlertReadResult { Request = request, AlertId = request.AlertId };
    }

    // An invalid request's id is still worth reporting back when it is safe to echo.
    private static bool IsReadableId(string? id) =>
        id is not null && TextRules.FindForbiddenInSingleLine(id) < 0 && id.Length <= AlertLimits.MaxAlertIdLength;

    private static AlertReadResult Fail(string path, string code, string message) =>
        new() { Problems = [new AlertProblem(path, code, message)] };
}
