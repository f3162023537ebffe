namespace ServiceNowAlert.Hosting;

/// <summary>Collects metrics during an invocation; the host flushes them as one Embedded Metric Format line.</summary>
public interface IMetricsSink
{
    void Add(string name, double value, MetricUnit unit);

    void Flush();
}
