namespace ServiceNowAlert.Hosting;

/// <summary>Collects metrics during an invocation; the host flushes them as one Embedded Metric Format line.</summary>
public interface IMetricsSink
{
    void Add(string name, double value, MetricUnit unit);

    /// <summary>
    /// Also keeps this invocation's metrics by a second dimension (for example SourceAccount): the line then carries
    /// the dimension sets [FunctionName] and [FunctionName, name]. Cleared by <see cref="Flush"/>.
    /// </summary>
    void SetDimension(string name, string value);

    void Flush();
}
