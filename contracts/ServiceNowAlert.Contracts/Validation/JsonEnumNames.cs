using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ServiceNowAlert.Contracts.Validation;

/// <summary>
/// The names an enum has in JSON, taken from what the serializer writes, so the enum's own attributes are the one
/// place they are stated. Matched exactly: the serializer's own reading would also take other cases and numbers.
/// </summary>
internal sealed class JsonEnumNames<TEnum>(JsonTypeInfo<TEnum> type)
    where TEnum : struct, Enum
{
    private readonly TEnum[] _values = Enum.GetValues<TEnum>();

    private readonly string[] _names = [.. Enum.GetValues<TEnum>().Select(value => JsonSerializer.Serialize(value, type).Trim('"'))];

    /// <summary>The names for a message, for example "firing, resolved".</summary>
    public string Allowed => string.Join(", ", _names);

    public bool TryParse(string name, out TEnum value)
    {
        var index = Array.IndexOf(_names, name);
        value = index < 0 ? default : _values[index];
        return index >= 0;
    }
}
