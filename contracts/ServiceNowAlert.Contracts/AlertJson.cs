using System.Text.Json;

namespace ServiceNowAlert.Contracts;

/// <summary>Writes contract types as UTF-8 JSON, and reads receipts back.</summary>
/// <remarks>Requests are read with <see cref="AlertRequestReader"/>, which validates as it reads.</remarks>
public static class AlertJson
{
    /// <summary>Serialises a request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] Serialize(AlertRequest request) =>
        JsonSerializer.SerializeToUtf8Bytes(request, AlertJsonContext.Default.AlertRequest);

    /// <summary>Serialises a receipt.</summary>
    /// <param name="result">The receipt.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] Serialize(AlertResult result) =>
        JsonSerializer.SerializeToUtf8Bytes(result, AlertJsonContext.Default.AlertResult);

    /// <summary>Reads a receipt, as returned by the alerting function.</summary>
    /// <param name="utf8Json">The function's response body.</param>
    /// <param name="result">The receipt when the body is one.</param>
    /// <param name="error">Why the body is not a receipt.</param>
    /// <returns>True when the body is a receipt.</returns>
    public static bool TryReadResult(ReadOnlySpan<byte> utf8Json, out AlertResult? result, out string? error)
    {
        try
        {
            result = JsonSerializer.Deserialize(utf8Json, AlertJsonContext.Default.AlertResult);
            error = result is null ? "read alert result: the body is JSON null" : null;
            return result is not null;
        }
        catch (JsonException exception)
        {
            result = null;
            error = $"read alert result: {exception.Message}";
            return false;
        }
    }
}
