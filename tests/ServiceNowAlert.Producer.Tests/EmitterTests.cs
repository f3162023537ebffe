using System.Text.Json;
using ServiceNowAlert.AwsClients;
using ServiceNowAlert.Emitter;
using ServiceNowAlert.Testing.Http;

namespace ServiceNowAlert.Producer.Tests;

public sealed class EmitterTests
{
    [Fact]
    public async Task Emit_25Alerts_PutsThemInCallsOfAtMost10AsServiceNowAlertEvents()
    {
        await using var events = new LoopbackHttpServer(request => CannedResponse.Json(Answer(request, _ => null)));
        using var http = new HttpClient();

        var outcomes = await Emitter(http, events).EmitAsync([.. Enumerable.Range(0, 25).Select(i => Fakes.Alert($"a-{i}"))], default);

        Assert.All(outcomes, outcome => Assert.True(outcome.Succeeded));
        Assert.Equal([10, 10, 5], events.Requests.Select(request => Entries(request).GetArrayLength()));
        var call = events.Requests[0];
        Assert.Equal("AWSEvents.PutEvents", call.Header("X-Amz-Target"));
        Assert.Contains("/eu-west-1/events/aws4_request", call.Header("Authorization"), StringComparison.Ordinal);
        var entry = Entries(call)[0];
        Assert.Equal(("ServiceNow Alert", "orders.app", "alerts-bus"), (entry.GetProperty("DetailType").GetString(), entry.GetProperty("Source").GetString(), entry.GetProperty("EventBusName").GetString()));
        Assert.Equal("a-0", JsonDocument.Parse(entry.GetProperty("Detail").GetString()!).RootElement.GetProperty("alertId").GetString());
    }

    [Fact]
    public async Task Emit_PartialFailure_RetriesOnlyTheFailedEntries()
    {
        var requests = 0;
        await using var events = new LoopbackHttpServer(request =>
        {
            var first = Interlocked.Increment(ref requests) == 1;
            return CannedResponse.Json(Answer(request, index => first && index == 1 ? "ThrottlingException" : null));
        });
        using var http = new HttpClient();

        var outcomes = await Emitter(http, events).EmitAsync([Fakes.Alert("x-0"), Fakes.Alert("x-1"), Fakes.Alert("x-2")], default);

        Assert.All(outcomes, outcome => Assert.True(outcome.Succeeded));
        Assert.Equal(2, events.Requests.Count);
        var retried = Entries(events.Requests[1]);
        Assert.Equal(1, retried.GetArrayLength());
        Assert.Equal("x-1", JsonDocument.Parse(retried[0].GetProperty("Detail").GetString()!).RootElement.GetProperty("alertId").GetString());
    }

    [Fact]
    public async Task Emit_InvalidAlert_PutsNothingAndNamesTheProblem()
    {
        await using var events = new LoopbackHttpServer(request => CannedResponse.Json(Answer(request, _ => null)));
        using var http = new HttpClient();

        var outcomes = await Emitter(http, events).EmitAsync([Fakes.Alert("ok"), Fakes.Alert("bad") with { Title = "two\nlines" }], default);

        Assert.Empty(events.Requests);
        Assert.All(outcomes, outcome => Assert.False(outcome.Succeeded));
        Assert.Equal("$.title", Assert.Single(outcomes[1].Problems).Path);
    }

    private static AlertEmitter Emitter(HttpClient http, LoopbackHttpServer events) =>
        new(new EventBridgePublisher(http, "eu-west-1", events.BaseUri, _ => Task.FromResult<Amazon.Runtime.AWSCredentials>(Fakes.Credentials), TimeProvider.System), "alerts-bus", "orders.app", TimeProvider.System);

    private static JsonElement Entries(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement.GetProperty("Entries");

    private static string Answer(RecordedRequest request, Func<int, string?> errorFor)
    {
        var count = Entries(request).GetArrayLength();
        var results = Enumerable.Range(0, count).Select(i => errorFor(i) is { } error
            ? $$"""{"ErrorCode":"{{error}}","ErrorMessage":"slow down"}"""
            : $$"""{"EventId":"{{Guid.NewGuid()}}"}""");
        var failed = Enumerable.Range(0, count).Count(i => errorFor(i) is not null);
        return $$"""{"FailedEntryCount":{{failed}},"Entries":[{{string.Join(",", results)}}]}""";
    }
}
