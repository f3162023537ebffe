using System.Text.RegularExpressions;
using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

/// <summary>The Caller stack deploys unchanged to every producer account, as one StackSet over an organisational unit.</summary>
public sealed partial class StackSetReadinessTests
{
    private static readonly CloudFormationTemplate Caller = CloudFormationTemplate.Load("caller.yaml");

    // The values a StackSet sets once for every account: Account A's outputs and the shared invoker zip.
    private static readonly string[] SameForEveryAccount =
        ["ArtifactBucketName", "CodeS3Key", "ReleaseId", "CalleeTimeoutSeconds", "TargetRoleArn", "TargetFunctionArn", "TargetRegion"];

    [Fact]
    public void CallerParameters_WithoutADefault_AreOnlyTheValuesSharedByEveryAccount()
    {
        var required = Caller.Root["Parameters"]!.AsObject().Where(p => p.Value!["Default"] is null).Select(p => p.Key);

        Assert.Equal(SameForEveryAccount.Order(StringComparer.Ordinal), required.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CallerResources_NameNoAccountRegionOrPartitionLiterally()
    {
        var text = Caller.ResourcesSection.ToJsonString() + Caller.Root["Outputs"]!.ToJsonString();

        Assert.DoesNotMatch(AccountOrRegion(), text);
        Assert.DoesNotContain("arn:aws:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CallerWithOnlyTheSharedValues_Deploys_AndNamesItsOwnAccountEverywhere()
    {
        var shared = CallerDeployment.Parameters().Where(p => SameForEveryAccount.Contains(p.Key)).ToDictionary(StringComparer.Ordinal);

        var resolved = CallerDeployment.Resolve(shared);

        var keyPolicy = resolved.Resources["CallerKey"]!["KeyPolicy"]!["Statement"]!.AsArray();
        Assert.DoesNotContain(keyPolicy, s => s!["Sid"]!.GetValue<string>() == "KeyAdministrators");
        Assert.Contains(keyPolicy, s => s!["Principal"]?["AWS"]?.GetValue<string>() == $"arn:aws:iam::{CallerDeployment.ProducerAccount}:root");
        var variables = resolved.Resources["InvokerFunction"]!["Environment"]!["Variables"]!.AsObject();
        Assert.False(variables.ContainsKey("SNALERT_ACCOUNT_NAME"));
    }

    [Fact]
    public void CallerAccountName_ReachesTheInvokerAsItsSetting()
    {
        var parameters = CallerDeployment.Parameters();
        parameters["AccountName"] = "Payments prod";

        var variables = CallerDeployment.Resolve(parameters).Resources["InvokerFunction"]!["Environment"]!["Variables"]!;

        Assert.Equal("Payments prod", variables["SNALERT_ACCOUNT_NAME"]!.GetValue<string>());
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{12}(?![0-9])|\b[a-z]{2}-(central|east|west|north|south|northeast|southeast|northwest|southwest)-[0-9]\b")]
    private static partial Regex AccountOrRegion();
}
