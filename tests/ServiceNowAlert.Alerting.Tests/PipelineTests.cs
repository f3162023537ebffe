using ServiceNowAlert.Alerting.Smtp;
using ServiceNowAlert.Alerting.Tests.TestHelpers;
using ServiceNowAlert.Testing;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Tests;

/// <summary>The pipeline's decisions before any SMTP traffic, written to a file outbox.</summary>
public sealed class PipelineTests
{
    private readonly string _outbox = Directory.CreateTempSubdirectory("snalert-outbox-").FullName;

    [Fact]
    public async Task Handle_InvalidRequest_IsRejectedWithEveryProblemAndSendsNothing()
    {
        var result = await Pipelines.Service(new FileOutboxTransport(_outbox)).HandleAsync("{\"alertId\":\"x\"}"u8.ToArray(), Pipelines.Invocation());

        Assert.Equal(AlertResultStatus.Rejected, result.Status);
        Assert.Equal("x", result.AlertId);
        Assert.True(result.Problems.Count >= 5);
        Assert.Empty(Directory.GetFiles(_outbox));
    }

    [Fact]
    public async Task Handle_NonAsciiAlert_WritesAWireFormatEmlWhosePartsDeclareTheEncodingOfTheir8BitText()
    {
        var request = Alerts.Minimal("utf8-1") with { Title = "Disk full on hôst ünïcødé 😀", Description = "Ärger: /var ist voll" };

        await Pipelines.Service(new FileOutboxTransport(_outbox)).HandleAsync(AlertJson.Serialize(request), Pipelines.Invocation());

        var raw = await File.ReadAllBytesAsync(Path.Combine(_outbox, "utf8-1.eml"));
        Assert.DoesNotContain(raw.Select((octet, index) => (octet, index)), pair => pair.octet == (byte)'\n' && (pair.index == 0 || raw[pair.index - 1] != (byte)'\r'));
        var message = MimeKit.MimeMessage.Load(new MemoryStream(raw));
        var parts = message.BodyParts.OfType<MimeKit.TextPart>().ToList();
        Assert.Equal(2, parts.Count);
        foreach (var part in parts)
        {
            using var encoded = new MemoryStream();
            part.Content!.WriteTo(encoded);
            var declaresNone = part.ContentTransferEncoding is MimeKit.ContentEncoding.Default or MimeKit.ContentEncoding.SevenBit;
            Assert.False(declaresNone && encoded.ToArray().Any(octet => octet >= 0x80), $"the {part.ContentType.MimeType} part carries 8-bit text but declares no transfer encoding");
            Assert.Contains("ünïcødé 😀", part.IsHtml ? System.Net.WebUtility.HtmlDecode(part.Text) : part.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Handle_UnknownRoute_IsRejectedListingTheKnownRoutes()
    {
        var request = Alerts.Minimal() with { Route = "nobody" };

        var result = await Pipelines.Service(new FileOutboxTransport(_outbox)).HandleAsync(AlertJson.Serialize(request), Pipelines.Invocation());

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$.route", problem.Path);
        Assert.Contains("orders-oncall, prod-critical, ops", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_SameAlertIdTwice_SendsOnceAndAnswersDuplicateWithTheSameMessageId()
    {
        var service = Pipelines.Service(new FileOutboxTransport(_outbox));
        var payload = AlertJson.Serialize(Alerts.Minimal("dup-1"));

        var first = await service.HandleAsync(payload, Pipelines.Invocation());
        var second = await service.HandleAsync(payload, Pipelines.Invocation());

        Assert.Equal((AlertResultStatus.Sent, AlertResultStatus.Duplicate), (first.Status, second.Status));
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Single(Directory.GetFiles(_outbox, "*.eml"));
    }

    [Fact]
    public async Task Handle_IdenticalFiringAlertWithinTheRepeatInterval_IsSuppressedButResolvedGoesThrough()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        var service = Pipelines.Service(new FileOutboxTransport(_outbox), repeat: TimeSpan.FromHours(1), time: time);

        var first = await service.HandleAsync(AlertJson.Serialize(Alerts.Minimal("rep-1")), Pipelines.Invocation());
        time.Advance(TimeSpan.FromMinutes(10));
        var repeat = await service.HandleAsync(AlertJson.Serialize(Alerts.Minimal("rep-2")), Pipelines.Invocation());
        var escalated = await service.HandleAsync(AlertJson.Serialize(Alerts.Minimal("rep-3") with { Severity = AlertSeverity.Critical }), Pipelines.Invocation());
        var resolved = await service.HandleAsync(AlertJson.Serialize(Alerts.Minimal("rep-4", AlertStatus.Resolved)), Pipelines.Invocation());
        time.Advance(TimeSpan.FromMinutes(61));
        var later = await service.HandleAsync(AlertJson.Serialize(Alerts.Minimal("rep-5")), Pipelines.Invocation());

        Assert.Equal(
            [AlertResultStatus.Sent, AlertResultStatus.Suppressed, AlertResultStatus.Sent, AlertResultStatus.Sent, AlertResultStatus.Sent],
            new[] { first, repeat, escalated, resolved, later }.Select(result => result.Status));
    }

    [Fact]
    public async Task Handle_ResolvedAlert_RepliesToTheThreadOfItsFiringAlert()
    {
        var service = Pipelines.Service(new FileOutboxTransport(_outbox));

        await service.HandleAsync(AlertJson.Serialize(Alerts.Minimal("thread-1")), Pipelines.Invocation());
        await service.HandleAsync(AlertJson.Serialize(Alerts.Minimal("thread-2", AlertStatus.Resolved)), Pipelines.Invocation());

        var firing = MimeKit.MimeMessage.Load(Path.Combine(_outbox, "thread-1.eml"));
        var resolved = MimeKit.MimeMessage.Load(Path.Combine(_outbox, "thread-2.eml"));
        Assert.Null(firing.InReplyTo);
        Assert.Equal(firing.References[0], resolved.InReplyTo);
        Assert.Equal(firing.References, resolved.References);
        Assert.NotEqual(firing.MessageId, resolved.MessageId);
    }

    [Fact]
    public async Task Handle_SameAlertOnAnotherInstance_GetsTheSameMessageId()
    {
        var one = await Pipelines.Service(new FileOutboxTransport(_outbox)).HandleAsync(AlertJson.Serialize(Alerts.Minimal("same-id")), Pipelines.Invocation());
        var other = await Pipelines.Service(new FileOutboxTransport(Directory.CreateTempSubdirectory().FullName)).HandleAsync(AlertJson.Serialize(Alerts.Minimal("same-id")), Pipelines.Invocation());

        Assert.Equal(one.MessageId, other.MessageId);
    }

    [Fact]
    public async Task Handle_MatchRules_PickTheRouteWhenTheRequestNamesNone()
    {
        var request = Alerts.Minimal("match-1") with { Environment = "prod", Severity = AlertSeverity.Critical };

        await Pipelines.Service(new FileOutboxTransport(_outbox)).HandleAsync(AlertJson.Serialize(request), Pipelines.Invocation());

        Assert.Equal("incident-managers@example.com", MimeKit.MimeMessage.Load(Path.Combine(_outbox, "match-1.eml")).To.Mailboxes.Single().Address);
    }
}
