using System.Text.Json;
using ServiceNowAlert.Contracts;
using ServiceNowAlert.Invoker;

namespace ServiceNowAlert.Producer.Tests;

/// <summary>The invoker's response, written by the serialize-only generated code, reads as the contract's receipts.</summary>
public sealed class InvokerResponseJsonTests
{
    [Fact]
    public void Serialize_WritesEachReceiptAsTheContractWritesIt()
    {
        var sent = new AlertResult { Status = AlertResultStatus.Sent, AlertId = "a-1", MessageId = "<a-1@alerts>", AcceptedRecipients = 2, FailedRecipients = [new RecipientFailure("x@example.com", 550, "no such user")] };
        var rejected = AlertResult.Rejected("a-2", [new AlertProblem("$.title", AlertProblemCodes.Required, "title is required")]);
        var response = new InvokerResponse("direct", [sent, rejected], ["skipped one"]);

        using var written = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(response, InvokerJsonContext.Default.InvokerResponse));

        var root = written.RootElement;
        Assert.Equal("direct", root.GetProperty("trigger").GetString());
        Assert.Equal("skipped one", root.GetProperty("notes")[0].GetString());
        var results = root.GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        Assert.Equal(AlertJson.Serialize(sent), System.Text.Encoding.UTF8.GetBytes(results[0].GetRawText()));
        Assert.Equal(AlertJson.Serialize(rejected), System.Text.Encoding.UTF8.GetBytes(results[1].GetRawText()));
        Assert.Equal("rejected", results[1].GetProperty("status").GetString());
    }
}
