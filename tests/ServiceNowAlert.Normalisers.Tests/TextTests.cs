using CsCheck;

namespace ServiceNowAlert.Normalisers.Tests;

/// <summary>What the normalisers' text helpers make of any string: clean values kept as they are, the rest cleaned.</summary>
public sealed class TextTests
{
    private static readonly Gen<string> Value = Gen.Frequency(
        (20, Gen.Char[' ', '~']),
        (3, Gen.OneOf('\t', '\n', '\r', '\0', '\u001f', '\u007f', '\u0080', '\u0085', '\u009f', '\u00a0', '\u2028', '\u2029', 'é', '€', ' ')),
        (1, Gen.Char['\uD800', '\uDFFF'])).Array[0, 60].Select(chars => new string(chars));

    [Fact]
    public void MultiLine_KeepsTabsAndLineBreaks_AndReplacesEveryOtherControl()
    {
        Value.Sample(value =>
        {
            var cleaned = Text.MultiLine(value, int.MaxValue);
            var expected = string.Concat(value.Select(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t') ? ' ' : c));
            return cleaned == expected;
        }, iter: 50_000);
    }

    [Fact]
    public void SingleLine_LeavesNoControlOrSeparator_NoDoubleSpaceAndNoEdgeSpace()
    {
        Value.Sample(value =>
        {
            var cleaned = Text.SingleLine(value, int.MaxValue);
            return !cleaned.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029') &&
                !cleaned.Contains("  ", StringComparison.Ordinal) &&
                (cleaned.Length == 0 || (!char.IsWhiteSpace(cleaned[0]) && !char.IsWhiteSpace(cleaned[^1])));
        }, iter: 50_000);
    }

    [Theory]
    [InlineData("ServerCpuTooHigh is in ALARM")]
    [InlineData("café au lait")]
    public void SingleLine_ReturnsACleanValueItself(string value) => Assert.Same(value, Text.SingleLine(value, 1000));
}
