using ServiceNowAlert.Contracts.Validation;

namespace ServiceNowAlert.Contracts;

/// <summary>Checks a request built in code against the same rules <see cref="AlertRequestReader"/> applies to JSON.</summary>
public static class AlertValidator
{
    /// <summary>Returns every problem the request has; empty when it is valid.</summary>
    /// <param name="request">The request, for example a normaliser's output.</param>
    /// <returns>Every problem found, each with its JSON path.</returns>
    /// <remarks>
    /// The result is what <see cref="AlertRequestReader"/> reports for the request's JSON form, so what this accepts is
    /// exactly what the other side will accept. The rules are applied to the object directly; a request holding what
    /// only the JSON form can judge (a null entry, an unnamed enum value, an unpaired surrogate) goes through that form.
    /// </remarks>
    public static IReadOnlyList<AlertProblem> Validate(AlertRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!JsonForm.IsExact(request))
        {
            return AlertRequestReader.Read(AlertJson.Serialize(request)).Problems;
        }

        var problems = new ProblemCollector();
        AlertRequestRules.Check(request, problems);
        return problems.Problems;
    }
}
