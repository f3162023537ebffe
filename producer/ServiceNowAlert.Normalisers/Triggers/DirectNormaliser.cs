using System.Text.Json;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Normalisers;

/// <summary>A direct invocation with one alert request or an array of them. All must be valid, or none is sent.</summary>
internal static class DirectNormaliser
{
    public static NormaliseResult Normalise(JsonElement payload)
    {
        if (payload.ValueKind == JsonValueKind.Object)
        {
            var read = AlertRequestReader.Read(payload);
            return read.IsValid
                ? new NormaliseResult { TriggerKind = "direct", Alerts = [read.Request!], ReadThroughContract = true }
                : NormaliseResult.Fail("direct", $"read alert request: {read.Problems.Count} problems", read.Problems);
        }

        var alerts = new List<AlertRequest>();
        var problems = new List<AlertProblem>();
        var index = 0;
        foreach (var item in payload.EnumerateArray())
        {
            var read = AlertRequestReader.Read(item);
            if (read.IsValid)
            {
                alerts.Add(read.Request!);
            }
            else
            {
                problems.AddRange(read.Problems.Select(problem => problem with { Path = $"$[{index}]{problem.Path[1..]}" }));
            }

            index++;
        }

        if (index == 0)
        {
            return NormaliseResult.Fail("direct", "read alert requests: the array is empty");
        }

        return problems.Count == 0
            ? new NormaliseResult { TriggerKind = "direct", Alerts = alerts, ReadThroughContract = true }
            : NormaliseResult.Fail("direct", $"read alert requests: {index - alerts.Count} of {index} are invalid, so none is sent", problems);
    }
}
