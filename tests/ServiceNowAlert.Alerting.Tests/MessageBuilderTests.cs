using MimeKit;
using ServiceNowAlert.Alerting.Mail;
using ServiceNowAlert.Alerting.Rendering;
using ServiceNowAlert.Alerting.Tests.TestHelpers;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Tests;

public sealed class MessageBuilderTests
{
    private static readonly AlertRenderer Renderer = new(AlertTemplates.Load());

    public static TheoryData<string> SampleNames() => Alerts.SampleNames();

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Build_BodyParts_AreByteForByteWhatMimeKitsTextSetterWouldSend(string sample)
    {
        var request = Alerts.Sample(sample);
        var rendered = Renderer.Render(request);
        var built = AlertMessageBuilder.Build(request, Route(request), rendered, DateTimeOffset.UnixEpoch);
        var reference = AlertMessageBuilder.Build(request, Route(request), rendered, DateTimeOffset.UnixEpoch);
        reference.Body = new MultipartAlternative
        {
            new TextPart("plain") { Text = rendered.Text },
            new TextPart("html") { Text = rendered.Html },
        };
        ((Multipart)reference.Body).Boundary = Assert.IsType<MultipartAlternative>(built.Body).Boundary!;

        Assert.Equal(Wire(reference), Wire(built));
    }

    [Fact]
    public void Build_NonAsciiBodies_SurviveSevenBitTransport()
    {
        var request = Alerts.Minimal() with { Title = "Zürich – 東京 ✓ 🚨", Description = "Größe überschritten\nline two" };
        var rendered = Renderer.Render(request);
        var message = AlertMessageBuilder.Build(request, Route(request), rendered, DateTimeOffset.UnixEpoch);

        var parsed = MimeMessage.Load(new MemoryStream(Wire(message)));

        Assert.Equal(rendered.Text, parsed.TextBody);
        Assert.Equal(rendered.Html, parsed.HtmlBody);
        Assert.All(parsed.BodyParts.OfType<TextPart>(), part => Assert.Equal("utf-8", part.ContentType.Charset));
        Assert.Equal("plain", parsed.BodyParts.OfType<TextPart>().First().ContentType.MediaSubtype);
    }

    private static Routing.RouteDefinition Route(AlertRequest request) => Alerts.Routes().Select(request)!;

    // What MailKit does before DATA on a relay without 8BITMIME: choose transfer encodings that fit in 7 bits.
    private static byte[] Wire(MimeMessage message)
    {
        message.Prepare(EncodingConstraint.SevenBit);
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
