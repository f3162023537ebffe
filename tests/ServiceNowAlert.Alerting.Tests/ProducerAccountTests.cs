using MimeKit;
using ServiceNowAlert.Alerting.Configuration;
using ServiceNowAlert.Alerting.Producers;
using ServiceNowAlert.Alerting.Routing;
using ServiceNowAlert.Alerting.Smtp;
using ServiceNowAlert.Alerting.Tests.TestHelpers;
using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Alerting.Tests;

/// <summary>Account A's side of many producer accounts: the allow-list, its names, routing by account, scoped keys.</summary>
public sealed class ProducerAccountTests
{
    private const string Payments = "111111111111";
    private const string Data = "222222222222";
    private const string Stranger = "333333333333";

    private static readonly string RoleArns = $"arn:aws:iam::{Payments}:role/servicenowalert-invoker, arn:aws:iam::{Data}:role/servicenowalert-invoker";

    private readonly RecordingTransport _transport = new();

    [Fact]
    public void Parse_NeitherVariableSet_AcceptsAnyAccount()
    {
        var list = ProducerAllowList.Parse(null, null, []);

        Assert.False(list.IsEnforced);
        Assert.True(list.Allows(Stranger));
    }

    [Fact]
    public void Parse_RoleArns_AllowsTheirAccountsOnly()
    {
        var problems = new List<string>();

        var list = ProducerAllowList.Parse(RoleArns, string.Empty, problems);

        Assert.Empty(problems);
        Assert.True(list.IsEnforced);
        Assert.Equal([Payments, Data], list.Accounts);
        Assert.True(list.Allows(Data));
        Assert.False(list.Allows(Stranger));
    }

    [Fact]
    public void Parse_Organization_AcceptsAnyAccountSinceTheTrustPolicyLimitsTheCallers()
    {
        var problems = new List<string>();

        var list = ProducerAllowList.Parse(RoleArns, "o-abcdefghij", problems);

        Assert.Empty(problems);
        Assert.False(list.IsEnforced);
        Assert.True(list.Allows(Stranger));
        Assert.Contains("o-abcdefghij", list.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "", "are both empty")]
    [InlineData(" ", null, "are both empty")]
    [InlineData("arn:aws:iam::111111111111:role/a,,arn:aws:iam::222222222222:role/b", "", "empty entry (number 2)")]
    [InlineData("arn:aws:iam::111111111111:root", "", "'arn:aws:iam::111111111111:root' is not an IAM role ARN")]
    [InlineData("arn:aws:iam::12345:role/servicenowalert-invoker", "", "is not an IAM role ARN with a 12-digit account id")]
    [InlineData("arn:aws:iam::*:role/servicenowalert-invoker", "", "is not an IAM role ARN")]
    [InlineData("", "o-SHOUTING12", "SNALERT_PRODUCER_ORGANIZATION must be an AWS Organizations ID")]
    public void FromEnvironment_BadAllowList_FailsStartUpSayingWhy(string roleArns, string? organization, string expected)
    {
        var environment = new Dictionary<string, string>
        {
            ["SNALERT_OUTBOX_DIR"] = Path.GetTempPath(),
            ["SNALERT_ROUTES"] = """{"routes":[{"name":"ops","from":"a@example.com","to":["b@example.com"]}]}""",
            ["SNALERT_PRODUCER_ROLE_ARNS"] = roleArns,
        };
        if (organization is not null)
        {
            environment["SNALERT_PRODUCER_ORGANIZATION"] = organization;
        }

        var exception = Assert.Throws<AlertingConfigurationException>(() => AlertingSettings.FromEnvironment(environment));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Theory]
    [InlineData("111111111111", "'111111111111' must be a 12-digit account id, '=' and a name")]
    [InlineData("12345=Payments", "'12345=Payments' must be")]
    [InlineData("111111111111=Pay\u0007ments", "must be a 12-digit account id")]
    [InlineData("111111111111=A,111111111111=B", "names account 111111111111 twice")]
    public void ProducerAccountNames_BadEntry_IsAProblem(string text, string expected)
    {
        var problems = new List<string>();

        ProducerAccountNames.Parse(text, problems);

        Assert.Contains(problems, problem => problem.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handle_UnlistedAccount_IsRejectedAtProducerAccountAndNeverSent()
    {
        var service = Service();

        var result = await service.HandleAsync(AlertJson.Serialize(From(Stranger, "a-1")), Pipelines.Invocation());

        Assert.Equal(AlertResultStatus.Rejected, result.Status);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("$.producer.account", AlertProblemCodes.NotAllowed), (problem.Path, problem.Code));
        Assert.Contains($"producer account {Stranger} is not allowed", problem.Message, StringComparison.Ordinal);
        Assert.Contains(Payments, problem.Message, StringComparison.Ordinal);
        Assert.Empty(_transport.Sent);
    }

    [Fact]
    public async Task Process_SaysWhichAccountTheAlertClaimed()
    {
        var service = Service();

        var listed = await service.ProcessAsync(AlertJson.Serialize(From(Payments, "a-1")), Pipelines.Invocation());
        var unlisted = await service.ProcessAsync(AlertJson.Serialize(From(Stranger, "a-2")), Pipelines.Invocation());
        var none = await service.ProcessAsync(AlertJson.Serialize(Alerts.Minimal("a-3")), Pipelines.Invocation());

        Assert.Equal((AlertResultStatus.Sent, Payments), (listed.Result.Status, listed.SourceAccount));
        Assert.Equal((AlertResultStatus.Rejected, Stranger), (unlisted.Result.Status, unlisted.SourceAccount));
        Assert.Equal((AlertResultStatus.Sent, (string?)null), (none.Result.Status, none.SourceAccount));
    }

    [Fact]
    public async Task Process_FailureOfAProducersAlert_CarriesTheAccountForTheFailureMetrics()
    {
        var failing = new FailingTransport(() => new AlertingConfigurationException("read SMTP credentials: no such parameter"));
        var service = Pipelines.Service(failing, producers: ProducerAllowList.Parse(RoleArns, string.Empty, []));

        var withProducer = await Assert.ThrowsAsync<AlertingConfigurationException>(() => service.ProcessAsync(AlertJson.Serialize(From(Data, "f-1")), Pipelines.Invocation()));
        var withoutProducer = await Assert.ThrowsAsync<AlertingConfigurationException>(() => service.ProcessAsync(AlertJson.Serialize(Alerts.Minimal("f-2")), Pipelines.Invocation()));

        Assert.Equal(Data, withProducer.Data[Pipeline.AlertOutcome.SourceAccountKey]);
        Assert.False(withoutProducer.Data.Contains(Pipeline.AlertOutcome.SourceAccountKey));
    }

    [Fact]
    public async Task Handle_AlertWithoutProducer_IsSentAsBeforeUnderAnEnforcedList()
    {
        var result = await Service().HandleAsync(AlertJson.Serialize(Alerts.Minimal("old-1")), Pipelines.Invocation());

        Assert.Equal(AlertResultStatus.Sent, result.Status);
        var message = Assert.Single(_transport.Sent);
        Assert.Null(message.Headers["X-Alert-Producer-Account"]);
        Assert.DoesNotContain("Producer", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_AccountANamesTheAccount_ItsNameWinsOverTheProducers()
    {
        var names = ProducerAccountNames.Parse($"{Payments}=Payments prod", []);

        await Service(names: names).HandleAsync(AlertJson.Serialize(From(Payments, "a-1", name: "payments-sandbox")), Pipelines.Invocation());
        await Service(names: names).HandleAsync(AlertJson.Serialize(From(Data, "a-2", name: "Data")), Pipelines.Invocation());

        Assert.EndsWith($" - Payments prod ({Payments})", _transport.Sent[0].Subject, StringComparison.Ordinal);
        Assert.Contains($"producer_name:Payments prod", _transport.Sent[0].TextBody, StringComparison.Ordinal);
        Assert.EndsWith($" - Data ({Data})", _transport.Sent[1].Subject, StringComparison.Ordinal);
        Assert.Equal(Data, _transport.Sent[1].Headers["X-Alert-Producer-Account"]);
    }

    [Fact]
    public async Task Handle_TwoAccountsSendTheSameAlertId_BothAreSentWithTheirOwnMessageIds()
    {
        var service = Service();

        var first = await service.HandleAsync(AlertJson.Serialize(From(Payments, "same-1")), Pipelines.Invocation());
        var second = await service.HandleAsync(AlertJson.Serialize(From(Data, "same-1")), Pipelines.Invocation());
        var again = await service.HandleAsync(AlertJson.Serialize(From(Data, "same-1")), Pipelines.Invocation());

        Assert.Equal((AlertResultStatus.Sent, AlertResultStatus.Sent, AlertResultStatus.Duplicate), (first.Status, second.Status, again.Status));
        Assert.NotEqual(first.MessageId, second.MessageId);
        Assert.Equal(second.MessageId, again.MessageId);
        Assert.Equal(2, _transport.Sent.Count);
    }

    [Fact]
    public async Task Handle_AlertWithoutProducer_KeepsTheMessageIdOfItsAlertIdAlone()
    {
        var result = await Service().HandleAsync(AlertJson.Serialize(Alerts.Minimal("stable-1")), Pipelines.Invocation());

        Assert.Equal(Mail.MessageIds.ForAlert("stable-1", "example.com"), result.MessageId);
    }

    [Theory]
    [InlineData(Payments, "payments-team")]
    [InlineData(Data, "data-team")]
    [InlineData("444444444444", "data-team")]
    [InlineData(null, "ops")]
    public void Select_RouteMatchingAccount_TakesTheAlertsOfThatAccount(string? account, string expected)
    {
        var routes = RouteTable.Parse($$$"""
            {"defaultRoute": "ops", "routes": [
              {"name": "payments-team", "from": "a@example.com", "to": ["payments@example.com"], "match": {"account": "{{{Payments}}}"}},
              {"name": "data-team", "from": "a@example.com", "to": ["data@example.com"], "match": {"account": ["{{{Data}}}", "444444444444"], "severity": ["major"]}},
              {"name": "ops", "from": "a@example.com", "to": ["ops@example.com"]}
            ]}
            """, "test");
        var request = account is null ? Alerts.Minimal() : From(account, "r-1");

        Assert.Equal(expected, routes.Select(request)!.Name);
    }

    [Fact]
    public void Render_ProducerNameWithMarkup_IsEscapedInTheHtml()
    {
        var rendered = new Rendering.AlertRenderer(Rendering.AlertTemplates.Load()).Render(From(Payments, "x-1", name: "<b onmouseover=alert(1)>Pay</b>"));

        Assert.Contains("&lt;b onmouseover=alert(1)&gt;Pay&lt;/b&gt; (111111111111)", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b onmouseover", rendered.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"12345\"", "match account '12345' is not a 12-digit AWS account id")]
    [InlineData("[\"111111111111\", \"x\"]", "match account 'x'")]
    [InlineData("42", "read routes")]
    public void RouteTable_BadMatchAccount_FailsStartUpSayingWhy(string account, string expected)
    {
        var json = $$$"""{"routes":[{"name":"a","from":"a@example.com","to":["b@example.com"],"match":{"account":{{{account}}}}}]}""";

        var exception = Assert.Throws<AlertingConfigurationException>(() => RouteTable.Parse(json, "test"));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    private Pipeline.AlertingService Service(ProducerAccountNames? names = null) =>
        Pipelines.Service(_transport, producers: ProducerAllowList.Parse(RoleArns, string.Empty, []), producerNames: names);

    private static AlertRequest From(string account, string alertId, string? name = null) =>
        Alerts.Minimal(alertId) with { Producer = new AlertProducer(account, name) };

    private sealed class FailingTransport(Func<Exception> failure) : ISmtpTransport
    {
        public Task<SmtpDelivery> SendAsync(MimeMessage message, IReadOnlyList<MailboxAddress> recipients, CancellationToken cancellationToken) =>
            Task.FromException<SmtpDelivery>(failure());
    }

    private sealed class RecordingTransport : ISmtpTransport
    {
        public List<MimeMessage> Sent { get; } = [];

        public Task<SmtpDelivery> SendAsync(MimeMessage message, IReadOnlyList<MailboxAddress> recipients, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            return Task.FromResult(new SmtpDelivery(recipients.Count, []));
        }
    }
}
