using System.Text.Json;

namespace ServiceNowAlert.Normalisers;

/// <summary>
/// Walks the members of an object value on a <see cref="JsonCursor"/>, stopping only at the wanted ones, the way a
/// one-pass reader picks fields out of an event. A value that is not an object has no members (it is skipped).
/// </summary>
internal static class JsonMembers
{
    /// <summary>At a value: true when it is an object, the reader on its start; any other value is skipped.</summary>
    public static bool Enter(ref JsonCursor reader)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        reader.Skip();
        return false;
    }

    /// <summary>
    /// Inside an object that <see cref="Enter"/> accepted: true with the reader on the next wanted member's value and
    /// its index in <paramref name="wanted"/>; false after the last member. Members not wanted are skipped; the caller
    /// reads each wanted value to its last token before asking for the next.
    /// </summary>
    public static bool Next(ref JsonCursor reader, byte[][] wanted, out int member)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            member = IndexOf(ref reader, wanted);
            reader.Read();
            if (member >= 0)
            {
                return true;
            }

            reader.Skip();
        }

        member = -1;
        return false;
    }

    public static byte[][] Names(params string[] names) => [.. names.Select(System.Text.Encoding.UTF8.GetBytes)];

    private static int IndexOf(ref JsonCursor reader, byte[][] wanted)
    {
        for (var i = 0; i < wanted.Length; i++)
        {
            if (reader.ValueTextEquals(wanted[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
