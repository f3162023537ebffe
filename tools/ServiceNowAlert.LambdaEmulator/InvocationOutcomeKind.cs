namespace ServiceNowAlert.LambdaEmulator;

/// <summary>The kinds of ending the emulator distinguishes.</summary>
public enum InvocationOutcomeKind
{
    /// <summary>The function posted a response.</summary>
    Success,

    /// <summary>The function posted an error, timed out, crashed or failed to initialise.</summary>
    FunctionError,

    /// <summary>No instance was free and no more may start.</summary>
    Throttled,
}
