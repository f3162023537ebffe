using System.Globalization;

namespace ServiceNowAlert.Delivery.Benchmarks;

/// <summary>Percentiles and table rows for the printed figures.</summary>
internal static class Figures
{
    public static double Percentile(IReadOnlyList<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public static void Row(params object[] cells) =>
        Console.WriteLine("| " + string.Join(" | ", cells.Select(cell => Convert.ToString(cell, CultureInfo.InvariantCulture))) + " |");
}
