using System.Globalization;
using System.Text.Json.Nodes;
using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

public sealed class TimeoutTests
{
    private static readonly CloudFormationTemplate Caller = CloudFormationTemplate.Load("caller.yaml");
    private static readonly CloudFormationTemplate Callee = CloudFormationTemplate.Load("callee.yaml");

    [Fact]
    public void CallerParameter_AllowsExactlyTheCalleesTimeouts()
    {
        Assert.Equal(Allowed(Callee, "TimeoutSeconds"), Allowed(Caller, "CalleeTimeoutSeconds"));
    }

    // Rules can only compare strings, so one rule per callee timeout lists the invoker timeouts above it.
    [Fact]
    public void Rules_AcceptAnInvokerTimeoutOnlyWhenStrictlyGreaterThanTheCallees()
    {
        var invokerValues = Allowed(Caller, "TimeoutSeconds");
        foreach (var callee in Allowed(Caller, "CalleeTimeoutSeconds"))
        {
            foreach (var invoker in invokerValues)
            {
                Assert.True(
                    RulesAccept(callee, invoker) == (int.Parse(invoker, CultureInfo.InvariantCulture) > int.Parse(callee, CultureInfo.InvariantCulture)),
                    $"callee {callee}s, invoker {invoker}s");
            }
        }
    }

    [Fact]
    public void Functions_TakeTheirTimeoutsFromTheCheckedParameters()
    {
        Assert.True(Intrinsics.IsRefTo(Caller.Properties("InvokerFunction")["Timeout"], "TimeoutSeconds"));
        Assert.True(Intrinsics.IsRefTo(Callee.Properties("AlertingFunction")["Timeout"], "TimeoutSeconds"));
        Assert.True(Intrinsics.IsRefTo(Callee.Root["Outputs"]!["FunctionTimeoutSeconds"]!["Value"], "TimeoutSeconds"));
    }

    [Fact]
    public void ParameterFiles_OrderTheDefaultTimeouts()
    {
        var callee = ParameterFileValue("callee.json", "TimeoutSeconds") ?? Callee.Parameter("TimeoutSeconds")["Default"]!.GetValue<string>();
        var invoker = ParameterFileValue("caller.json", "TimeoutSeconds") ?? Caller.Parameter("TimeoutSeconds")["Default"]!.GetValue<string>();

        Assert.True(RulesAccept(callee, invoker), $"callee {callee}s, invoker {invoker}s");
    }

    private static bool RulesAccept(string calleeTimeout, string invokerTimeout)
    {
        var parameters = CallerDeployment.Parameters();
        parameters["CalleeTimeoutSeconds"] = calleeTimeout;
        parameters["TimeoutSeconds"] = invokerTimeout;

        var errors = CallerDeployment.Errors(parameters);
        Assert.All(errors, e => Assert.StartsWith("rule InvokerTimeoutExceedsCalleeTimeout", e, StringComparison.Ordinal));
        return errors.Count == 0;
    }

    private static List<string> Allowed(CloudFormationTemplate template, string parameter) =>
        template.Parameter(parameter)["AllowedValues"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();

    private static string? ParameterFileValue(string file, string key) => ParameterFiles.Values(file).GetValueOrDefault(key);
}
