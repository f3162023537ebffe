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
                    if (!seen.Add(property.Name))
                    {
                        problems.Add(JsonPath.Property(path, property.Name), AlertProblemCodes.DuplicateKey, $"property '{property.Name}' appears more than once");
                    }

                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        Find(property.Value, JsonPath.Property(path, property.Name), problems);
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        Find(item, JsonPath.Index(path, index), problems);
                    }

                    index++;
                }

                break;
            default:
                break;
        }
    }
}
