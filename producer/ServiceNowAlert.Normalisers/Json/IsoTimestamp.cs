namespace ServiceNowAlert.Normalisers;

/// <summary>
/// The one timestamp shape AWS events use, <c>2019-10-02T17:04:40.989+0000</c> (or <c>Z</c>, or <c>+00:00</c>), read
/// without the general parser. Anything else, and anything at a range edge, is left to <see cref="DateTimeOffset.TryParse(string, IFormatProvider, System.Globalization.DateTimeStyles, out DateTimeOffset)"/>,
/// so the result is always what that parser gives; <c>IsoTimestampTests</c> compares the two.
/// </summary>
internal static class IsoTimestamp
{
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset utc)
    {
        utc = default;
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
            !Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day) ||
            !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        var position = 19;
        long fractionTicks = 0;
        if (text[position] == '.')
        {
            var start = ++position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            var digits = position - start;
            if (digits is 0 or > 7)
            {
                return false;
            }

            _ = Digits(text, start, digits, out var fraction);
            fractionTicks = fraction;
            for (var i = digits; i < 7; i++)
            {
                fractionTicks *= 10;
            }
        }

        if (!Offset(text[position..], out var offset) ||
            year < 2 || year > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        utc = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(fractionTicks).ToUniversalTime();
        return true;
    }

    private static bool Offset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text is "Z")
        {
            return true;
        }

        if (text.Length is not (5 or 6) || text[0] is not ('+' or '-') || !Digits(text, 1, 2, out var hours) || hours > 14)
        {
            return false;
        }

        var minutesAt = text.Length == 6 ? 4 : 3;
        if ((text.Length == 6 && text[3] != ':') || !Digits(text, minutesAt, 2, out var minutes) || minutes > 59 || (hours == 14 && minutes > 0))
        {
            return false;
        }

        offset = new TimeSpan(text[0] == '-' ? -hours : hours, text[0] == '-' ? -minutes : minutes, 0);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
