using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ServiceNowAlert.Normalisers;

/// <summary>
/// A forward-only JSON tokenizer for the alarm's one-pass reader, with the members of <see cref="Utf8JsonReader"/> that
/// reader uses and the same answers for every document it accepts. It exists for speed: it steps over white space and
/// the insides of strings with vectorised searches, where <see cref="Utf8JsonReader"/> goes byte by byte once a string
/// holds an escape (as every alarm's <c>reasonData</c> does).
/// <para>
/// It refuses what the standard reader refuses (at most 64 levels, as the normaliser reads) and, beyond that, only
/// bytes that are not UTF-8, which no string can hold; a refusal is a <see cref="JsonException"/>, and the caller then
/// takes the general path with <see cref="JsonDocument"/>. <c>JsonCursorTests</c> holds both to the same tokens over
/// generated and mutated documents.
/// </para>
/// </summary>
internal ref struct JsonCursor
{
    private const int MaxDepth = 64;

    private static readonly SearchValues<byte> HexDigits = SearchValues.Create("0123456789abcdefABCDEF"u8);

    private readonly ReadOnlySpan<byte> _json;
    private int _position;
    private int _tokenStart;
    private int _valueStart;
    private int _valueEnd;
    private int _depth;

    // Bit n is set when the container at depth n + 1 is an object.
    private ulong _objects;

    public JsonCursor(ReadOnlySpan<byte> json) => _json = json;

    public JsonTokenType TokenType { get; private set; }

    /// <summary>True when the current string or member name holds an escape, so its bytes are not yet its text.</summary>
    public bool ValueIsEscaped { get; private set; }

    public readonly long TokenStartIndex => _tokenStart;

    public readonly long BytesConsumed => _position;

    /// <summary>The current token's bytes: a string's or member name's without the quotes (still escaped), a number's or literal's text.</summary>
    public readonly ReadOnlySpan<byte> ValueSpan => _json[_valueStart.._valueEnd];

    /// <summary>The next token; false after the last token of a complete document. Throws <see cref="JsonException"/> where the document is not one this cursor accepts.</summary>
    public bool Read()
    {
        SkipWhiteSpace();
        if (_position >= _json.Length)
        {
            return _depth == 0 && TokenType != JsonTokenType.None ? false : throw Refused("the document ends early");
        }

        var next = _json[_position];
        switch (TokenType)
        {
            case JsonTokenType.None:
                ReadValue(next);
                return true;
            case JsonTokenType.StartObject:
                if (next == (byte)'}')
                {
                    End(JsonTokenType.EndObject);
                    return true;
                }

                ReadString(JsonTokenType.PropertyName);
                return true;
            case JsonTokenType.StartArray:
                if (next == (byte)']')
                {
                    End(JsonTokenType.EndArray);
                    return true;
                }

                ReadValue(next);
                return true;
            case JsonTokenType.PropertyName:
                ReadValue(next);
                return true;
            default:
                return ReadAfterValue(next);
        }
    }

    /// <summary>Steps over the current value: at a member name, its value; at an object or array, to its end.</summary>
    public void Skip()
    {
        if (TokenType == JsonTokenType.PropertyName)
        {
            Read();
        }

        if (TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var depth = _depth;
            while (Read() && _depth >= depth)
            {
            }
        }
    }

    /// <summary>Whether the current string or member name, unescaped, is exactly these bytes.</summary>
    public readonly bool ValueTextEquals(ReadOnlySpan<byte> text)
    {
        return ValueIsEscaped ? EscapedTextEquals(text) : ValueSpan.SequenceEqual(text);
    }

    /// <summary>The current string's text; <see cref="InvalidOperationException"/> when it holds an unpaired surrogate escape.</summary>
    public readonly string GetString()
    {
        if (TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            throw new InvalidOperationException($"Cannot get the value of a token type '{TokenType}' as a string.");
        }

        if (!ValueIsEscaped)
        {
            // The bytes were checked to be UTF-8 when the string was read.
            return Encoding.UTF8.GetString(ValueSpan);
        }

        var rented = ArrayPool<byte>.Shared.Rent(ValueSpan.Length);
        try
        {
            return Encoding.UTF8.GetString(rented, 0, JsonEscapes.Unescape(ValueSpan, rented));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The current string's text as UTF-8 into <paramref name="destination"/> (at least <see cref="ValueSpan"/> long); the number of bytes.</summary>
    public readonly int CopyString(Span<byte> destination)
    {
        if (!ValueIsEscaped)
        {
            ValueSpan.CopyTo(destination);
            return ValueSpan.Length;
        }

        return JsonEscapes.Unescape(ValueSpan, destination);
    }

    // A member name with an escape is compared by the standard reader over that one token: such names are rare, and
    // the reader has only that one token to read. Kept out of line: the reader is a large struct, which a caller that
    // inlined this would clear on every call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly bool EscapedTextEquals(ReadOnlySpan<byte> text)
    {
        var reader = new Utf8JsonReader(_json[_tokenStart..(_valueEnd + 1)]);
        reader.Read();
        return reader.ValueTextEquals(text);
    }

    private bool ReadAfterValue(byte next)
    {
        if (_depth == 0)
        {
            throw Refused("there is more after the document");
        }

        var inObject = (_objects & (1UL << (_depth - 1))) != 0;
        if (next == (byte)',')
        {
            _position++;
            SkipWhiteSpace();
            if (inObject)
            {
                ReadString(JsonTokenType.PropertyName);
            }
            else
            {
                ReadValue(_position < _json.Length ? _json[_position] : (byte)0);
            }

            return true;
        }

        if (next == (inObject ? (byte)'}' : (byte)']'))
        {
            End(inObject ? JsonTokenType.EndObject : JsonTokenType.EndArray);
            return true;
        }

        throw Refused("a value is not followed by ',' or the end of its container");
    }

    private void ReadValue(byte first)
    {
        switch (first)
        {
            case (byte)'"':
                ReadString(JsonTokenType.String);
                break;
            case (byte)'{':
                Start(JsonTokenType.StartObject);
                break;
            case (byte)'[':
                Start(JsonTokenType.StartArray);
                break;
            case (byte)'t':
                ReadLiteral("true"u8, JsonTokenType.True);
                break;
            case (byte)'f':
                ReadLiteral("false"u8, JsonTokenType.False);
                break;
            case (byte)'n':
                ReadLiteral("null"u8, JsonTokenType.Null);
                break;
            case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                ReadNumber();
                break;
            default:
                throw Refused("a value was expected");
        }
    }

    private void Start(JsonTokenType type)
    {
        if (_depth >= MaxDepth)
        {
            throw Refused("the document is nested too deeply");
        }

        _objects = type == JsonTokenType.StartObject ? _objects | (1UL << _depth) : _objects & ~(1UL << _depth);
        _depth++;
        Token(type, _position, _position + 1);
    }

    private void End(JsonTokenType type)
    {
        _depth--;
        Token(type, _position, _position + 1);
    }

    private void Token(JsonTokenType type, int start, int end)
    {
        (TokenType, ValueIsEscaped, _tokenStart, _valueStart, _valueEnd, _position) = (type, false, start, start, end, end);
    }

    private void ReadString(JsonTokenType type)
    {
        if (_position >= _json.Length || _json[_position] != (byte)'"')
        {
            throw Refused(type == JsonTokenType.PropertyName ? "a member name was expected" : "a string was expected");
        }

        var start = _position + 1;
        var (escaped, nonAscii) = (false, false);
        var index = StringEnd(start, ref escaped, ref nonAscii);
        if (nonAscii && !Utf8.IsValid(_json[start..index]))
        {
            throw Refused("a string is not valid UTF-8");
        }

        (TokenType, ValueIsEscaped, _tokenStart, _valueStart, _valueEnd, _position) = (type, escaped, start - 1, start, index, index + 1);
        if (type == JsonTokenType.PropertyName)
        {
            // As the standard reader counts it, a member name's token runs to the end of its ':'.
            SkipWhiteSpace();
            if (_position >= _json.Length || _json[_position] != (byte)':')
            {
                throw Refused("a member name is not followed by ':'");
            }

            _position++;
        }
    }

    // From inside a string: the index of its closing quote. Sixteen bytes are looked at in one compare for the quote,
    // a backslash or a control character, so a run of plain text, and the stretch between two escapes, costs one step;
    // escapes are checked one by one, and whether any byte is not ASCII is noted for the UTF-8 check.
    private readonly int StringEnd(int index, ref bool escaped, ref bool nonAscii)
    {
        ref var json = ref MemoryMarshal.GetReference(_json);
        while (true)
        {
            int stop;
            if (index + Vector128<byte>.Count <= _json.Length)
            {
                var chunk = Vector128.LoadUnsafe(ref json, (nuint)index);
                // Bytes below a space are control characters, which a JSON string may not hold raw.
                var stops = (Vector128.Equals(chunk, Vector128.Create((byte)'"')) | Vector128.Equals(chunk, Vector128.Create((byte)'\\')) |
                    Vector128.LessThan(chunk, Vector128.Create((byte)' '))).ExtractMostSignificantBits();
                var high = chunk.ExtractMostSignificantBits();
                if (stops == 0)
                {
                    nonAscii |= high != 0;
                    index += Vector128<byte>.Count;
                    continue;
                }

                var offset = BitOperations.TrailingZeroCount(stops);
                nonAscii |= (high & ((1u << offset) - 1)) != 0;
                stop = index + offset;
            }
            else
            {
                stop = index;
                while (stop < _json.Length && _json[stop] is not ((byte)'"' or (byte)'\\' or < 0x20))
                {
                    nonAscii |= _json[stop] >= 0x80;
                    stop++;
                }

                if (stop == _json.Length)
                {
                    throw Refused("a string is not closed");
                }
            }

            var found = _json[stop];
            if (found == (byte)'"')
            {
                return stop;
            }

            if (found != (byte)'\\')
            {
                throw Refused("a string holds a raw control character");
            }

            escaped = true;
            index = AfterEscape(stop);
        }
    }

    // At a backslash: the index after its escape, which must be one JSON allows.
    private readonly int AfterEscape(int backslash)
    {
        if (backslash + 1 >= _json.Length)
        {
            throw Refused("a string is not closed");
        }

        switch (_json[backslash + 1])
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                return backslash + 2;
            case (byte)'u' when backslash + 5 < _json.Length && IsHex(_json.Slice(backslash + 2, 4)):
                return backslash + 6;
            default:
                throw Refused("a string holds an escape this cursor does not take");
        }
    }

    private static bool IsHex(ReadOnlySpan<byte> digits) => !digits.ContainsAnyExcept(HexDigits);

    private void ReadLiteral(ReadOnlySpan<byte> literal, JsonTokenType type)
    {
        if (!_json[_position..].StartsWith(literal))
        {
            throw Refused("a literal is misspelt");
        }

        Token(type, _position, _position + literal.Length);
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    private void ReadNumber()
    {
        var start = _position;
        var index = start;
        if (_json[index] == (byte)'-')
        {
            index++;
        }

        if (index < _json.Length && _json[index] == (byte)'0')
        {
            index++;
        }
        else
        {
            index = Digits(index);
        }

        if (index < _json.Length && _json[index] == (byte)'.')
        {
            index = Digits(index + 1);
        }

        if (index < _json.Length && (_json[index] | 0x20) == (byte)'e')
        {
            index++;
            if (index < _json.Length && _json[index] is (byte)'+' or (byte)'-')
            {
                index++;
            }

            index = Digits(index);
        }

        Token(JsonTokenType.Number, start, index);
    }

    // One or more digits from index: the index after them.
    private readonly int Digits(int index)
    {
        var count = _json[index..].IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        count = count < 0 ? _json.Length - index : count;
        return count > 0 ? index + count : throw Refused("a number lacks digits");
    }

    private void SkipWhiteSpace()
    {
        // Mostly there is none or one byte of it (compact, or "name": value); an indentation run is stepped over
        // sixteen bytes at a time.
        if (_position >= _json.Length || !IsWhiteSpace(_json[_position]))
        {
            return;
        }

        _position++;
        ref var json = ref MemoryMarshal.GetReference(_json);
        while (_position + Vector128<byte>.Count <= _json.Length)
        {
            var chunk = Vector128.LoadUnsafe(ref json, (nuint)_position);
            var space = Vector128.Equals(chunk, Vector128.Create((byte)' ')) | Vector128.Equals(chunk, Vector128.Create((byte)'\n')) |
                Vector128.Equals(chunk, Vector128.Create((byte)'\r')) | Vector128.Equals(chunk, Vector128.Create((byte)'\t'));
            var other = ~space.ExtractMostSignificantBits() & 0xFFFF;
            if (other != 0)
            {
                _position += BitOperations.TrailingZeroCount(other);
                return;
            }

            _position += Vector128<byte>.Count;
        }

        while (_position < _json.Length && IsWhiteSpace(_json[_position]))
        {
            _position++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWhiteSpace(byte value) => value is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t';

    private readonly JsonException Refused(string why) => new($"json cursor: {why} (byte {_position})");
}
