namespace ServiceNowAlert.Contracts;

/// <summary>Checks a request built in code against the same rules <see cref="AlertRequestReader"/> applies to JSON.</summary>
public static class AlertValidator
{
    /// <summary>Returns every problem the request has; empty when it is valid.</summary>
    /// <param name="request">The request, for example a normaliser's output.</param>
    /// <returns>Every problem found, each with its JSON path.</returns>
    /// <remarks>
    /// Going through the JSON form keeps one rule set: what this accepts is exactly what the other side will accept.
    /// </remarks>
    public static IReadOnlyList<AlertProblem> Validate(AlertRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return AlertRequestReader.Read(AlertJson.Serialize(request)).Problems;
    }
}
