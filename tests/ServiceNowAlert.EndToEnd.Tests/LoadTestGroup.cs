namespace ServiceNowAlert.EndToEnd.Tests;

/// <summary>The load test runs alone in this assembly: its processes need the machine's cores to themselves.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadTestGroup
{
    public const string Name = "load";
}
