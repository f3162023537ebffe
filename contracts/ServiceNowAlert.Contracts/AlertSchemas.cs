namespace ServiceNowAlert.Contracts;

/// <summary>The JSON Schema (draft 2020-12) files of the contract, embedded in this assembly.</summary>
public static class AlertSchemas
{
    /// <summary>Resource name of the v1 request schema.</summary>
    public const string RequestV1Name = "alert-request.v1.schema.json";

    /// <summary>Resource name of the v1 result schema.</summary>
    public const string ResultV1Name = "alert-result.v1.schema.json";

    /// <summary>The v1 request schema.</summary>
    public static string RequestV1 => Load(RequestV1Name);

    /// <summary>The v1 result schema.</summary>
    public static string ResultV1 => Load(ResultV1Name);

    /// <summary>Returns the schema for a major version, or null when there is none.</summary>
    /// <param name="major">The major version, for example 1.</param>
    /// <param name="result">True for the result schema, false for the request schema.</param>
    /// <returns>The schema text.</returns>
    public static string? ForVersion(int major, bool result = false) => major == 1 ? (result ? ResultV1 : RequestV1) : null;

    private static string Load(string name)
    {
        using var stream = typeof(AlertSchemas).Assembly.GetManifestResourceStream("schemas/" + name)
            ?? throw new InvalidOperationException($"load schema {name}: not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
