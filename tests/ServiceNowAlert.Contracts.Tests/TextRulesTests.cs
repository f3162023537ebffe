using CsCheck;
using ServiceNowAlert.Contracts.Validation;

namespace ServiceNowAlert.Contracts.Tests;

/// <summary>The one-pass text check answers as the character rules it stands for, character by character.</summary>
public sealed class TextRulesTests
{
    // Printable ASCII on both sides of the range the short-cut passes over, every kind of control, the line and
    // paragraph separators, surrogates paired and lone, and other non-ASCII text.
    private static readonly Gen<char> Character = Gen.Frequency(
        (20, Gen.Char[' ', '~']),
        (2, Gen.OneOf('\t', '\n', '\r', '\0', '\u001f', '\u007f', '\u0080', '\u0085', '\u009f', '\u00a0', '\u2028', '\u2029', 'é', '€', '\ufffd')),
        (1, Gen.Char['\uD800', '\uDFFF']));

    private static readonly Gen<string> Text = Gen.Frequency(
        (3, Character.Array[0, 40].Select(chars => new string(chars))),
        (1, Gen.Char[' ', '~'].Array[0, 80].Select(chars => new string(chars) + "\U0001F600")));

    [Fact]
    public void IsValidText_AgreesWithTheCharacterRules_ForEveryKindLengthAndEmptiness()
    {
        Gen.Select(Text, Gen.Int[0, 45], Gen.Bool, Gen.Bool).Sample((text, maxLength, multiLine, allowEmpty) =>
        {
            var kind = multiLine ? TextKind.MultiLine : TextKind.SingleLine;
            var expected = (allowEmpty || text.Length > 0) &&
                TextRules.CodePointLength(text) <= maxLength &&
                (multiLine ? TextRules.FindForbiddenInMultiLine(text) : TextRules.FindForbiddenInSingleLine(text)) < 0 &&
                !TextRules.HasLoneSurrogate(text);
            return FieldRules.IsValidText(text, maxLength, kind, allowEmpty) == expected;
        }, iter: 50_000);
    }

    [Fact]
    public void IsClean_IsTrueOnlyWithoutForbiddenCharactersOrSurrogates()
    {
        Gen.Select(Text, Gen.Bool).Sample((text, multiLine) =>
        {
            var kind = multiLine ? TextKind.MultiLine : TextKind.SingleLine;
            var forbidden = (multiLine ? TextRules.FindForbiddenInMultiLine(text) : TextRules.FindForbiddenInSingleLine(text)) >= 0;
            return TextRules.IsClean(text, kind) == (!forbidden && !TextRules.HasSurrogate(text));
        }, iter: 50_000);
    }

    [Theory]
    [InlineData("plain ascii ~", true)]
    [InlineData("line\nbreak", false)]
    [InlineData("next\u0085line", false)]
    [InlineData("sep\u2028arator", false)]
    [InlineData("emoji \U0001F600", false)]
    [InlineData("café", true)]
    public void IsClean_SingleLine_JudgesTheUsualCases(string text, bool clean) =>
        Assert.Equal(clean, TextRules.IsClean(text, TextKind.SingleLine));

    [Fact]
    public void IsValidDetailName_AgreesWithTheCharacterRules()
    {
        Text.Sample(name =>
            AlertRequestRules.IsValidDetailName(name) ==
            (name.Length > 0 && TextRules.CodePointLength(name) <= AlertLimits.MaxDetailNameLength && TextRules.FindForbiddenInSingleLine(name) < 0 && !TextRules.HasLoneSurrogate(name)),
            iter: 20_000);
    }
}
