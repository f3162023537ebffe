namespace ServiceNowAlert.Hosting;

/// <summary>CloudWatch metric units the functions use.</summary>
public enum MetricUnit
{
    Count,
    Milliseconds,
    Bytes,
    None,
}
