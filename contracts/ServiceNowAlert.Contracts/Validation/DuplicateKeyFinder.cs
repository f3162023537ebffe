using System.Text.Json;

namespace ServiceNowAlert.Contracts.Validation;

/// <summary>
/// Finds objects that name a property twice. JSON parsers disagree on which copy wins, so a duplicate could make the
/// invoker and the alerting function see different alerts; we refuse them instead of picking one.
/// </summary>
internal static class DuplicateKeyFinder
{
    public static void Find(JsonElement element, string path, ProblemCollector problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var childPath = JsonPath.Property(path, property.Name);
                    if (!seen.Add(property.Name))
                    {
                        problems.Add(childPath, AlertProblemCodes.DuplicateKey, $"property '{property.Name}' appears more than once");
                    }

                    Find(property.Value, childPath, problems);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Find(item, JsonPath.Index(path, index++), problems);
                }

                break;
            default:
                break;
        }
    }
}
