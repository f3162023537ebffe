namespace ServiceNowAlert.LambdaEmulator;

/// <summary>The emulator's JSON configuration file: a port and the functions to serve.</summary>
internal sealed record EmulatorConfiguration
{
    public int Port { get; set; }

    public List<FunctionConfiguration> Functions { get; set; } = [];
}
