using System.Text.Json.Nodes;
using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

/// <summary>
/// The cross-account role's trust policy, resolved for each way of naming the producers and evaluated as IAM does
/// for AssumeRole with a source identity (which needs sts:AssumeRole and sts:SetSourceIdentity both).
/// </summary>
public sealed class CrossAccountTrustTests
{
    private const string Organization = "o-a1b2c3d4e5";
    private const string OtherOrganization = "o-zzzzzzzzzz";
    private const string InOrgListed = "222222222222";
    private const string OutsideListed = "333333333333";
    private const string InOrgUnlisted = "444444444444";
    private const string Outsider = "555555555555";

    private static readonly string ListedRoles =
        $"arn:aws:iam::{InOrgListed}:role/servicenowalert-invoker,arn:aws:iam::{OutsideListed}:role/legacy-invoker";

    public enum Mode
    {
        ListOnly,
        OrganizationOnly,
        Both,
    }

    [Theory]
    [InlineData(Mode.ListOnly, $"arn:aws:iam::{InOrgListed}:role/servicenowalert-invoker", true)]
    [InlineData(Mode.OrganizationOnly, $"arn:aws:iam::{InOrgListed}:role/servicenowalert-invoker", true)]
    [InlineData(Mode.Both, $"arn:aws:iam::{InOrgListed}:role/servicenowalert-invoker", true)]
    // Listed by ARN, outside the organisation and under another name: only the list trusts it.
    [InlineData(Mode.ListOnly, $"arn:aws:iam::{OutsideListed}:role/legacy-invoker", true)]
    [InlineData(Mode.OrganizationOnly, $"arn:aws:iam::{OutsideListed}:role/legacy-invoker", false)]
    [InlineData(Mode.Both, $"arn:aws:iam::{OutsideListed}:role/legacy-invoker", true)]
    // A new account of the organisation: trusted without any change to the list.
    [InlineData(Mode.ListOnly, $"arn:aws:iam::{InOrgUnlisted}:role/servicenowalert-invoker", false)]
    [InlineData(Mode.OrganizationOnly, $"arn:aws:iam::{InOrgUnlisted}:role/servicenowalert-invoker", true)]
    [InlineData(Mode.Both, $"arn:aws:iam::{InOrgUnlisted}:role/servicenowalert-invoker", true)]
    public void TrustPolicy_AdmitsTheInvokerRolesOfItsMode(Mode mode, string principalArn, bool allowed)
    {
        Assert.Equal(allowed, CanAssume(mode, principalArn));
    }

    [Theory]
    [MemberData(nameof(Intruders))]
    public void TrustPolicy_RefusesEveryOtherPrincipal(Mode mode, string principalArn)
    {
        Assert.False(CanAssume(mode, principalArn));
    }

    public static TheoryData<Mode, string> Intruders()
    {
        var intruders = new[]
        {
            // A role of the same name outside the organisation.
            $"arn:aws:iam::{Outsider}:role/servicenowalert-invoker",
            // Account roots, in a listed account and in the organisation.
            $"arn:aws:iam::{InOrgListed}:root",
            $"arn:aws:iam::{InOrgUnlisted}:root",
            // Another role in a listed account, and in an organisation account.
            $"arn:aws:iam::{InOrgListed}:role/other-role",
            $"arn:aws:iam::{InOrgUnlisted}:role/servicenowalert-invoker-2",
            $"arn:aws:iam::{OutsideListed}:role/servicenowalert-invoker",
            // The right name under a path, and a user of the right name.
            $"arn:aws:iam::{InOrgUnlisted}:role/team/servicenowalert-invoker",
            $"arn:aws:iam::{InOrgUnlisted}:user/servicenowalert-invoker",
        };
        var data = new TheoryData<Mode, string>();
        foreach (var mode in Enum.GetValues<Mode>())
        {
            foreach (var intruder in intruders)
            {
                data.Add(mode, intruder);
            }
        }

        return data;
    }

    [Theory]
    [InlineData(Mode.ListOnly, InOrgListed)]
    [InlineData(Mode.OrganizationOnly, InOrgUnlisted)]
    [InlineData(Mode.Both, InOrgUnlisted)]
    public void TrustPolicy_WithoutASourceIdentity_RefusesEvenAnInvokerRole(Mode mode, string account)
    {
        var policy = TrustPolicy(mode);

        Assert.False(IamPolicyEvaluator.Allows(policy, Request($"arn:aws:iam::{account}:role/servicenowalert-invoker", "sts:AssumeRole", sourceIdentity: null)));
    }

    [Theory]
    [InlineData(Mode.ListOnly, InOrgListed)]
    [InlineData(Mode.OrganizationOnly, InOrgUnlisted)]
    [InlineData(Mode.Both, InOrgUnlisted)]
    [InlineData(Mode.Both, InOrgListed)]
    public void TrustPolicy_WithAnExternalId_AdmitsOnlyTheRightOne(Mode mode, string account)
    {
        var policy = TrustPolicy(mode, externalId: "shared-secret-1");
        var role = $"arn:aws:iam::{account}:role/servicenowalert-invoker";

        Assert.True(CanAssume(policy, role, externalId: "shared-secret-1"));
        Assert.False(CanAssume(policy, role, externalId: "shared-secret-2"));
        Assert.False(CanAssume(policy, role, externalId: null));
    }

    [Fact]
    public void TrustPolicy_OrganizationOnly_HasNoListedStatementAndListOnlyNoWildcard()
    {
        var organizationOnly = TrustPolicy(Mode.OrganizationOnly)["Statement"]!.AsArray();
        var listOnly = TrustPolicy(Mode.ListOnly)["Statement"]!.AsArray();

        Assert.Equal("OrganizationInvokerRoleWithSourceIdentity", Assert.Single(organizationOnly)!["Sid"]!.GetValue<string>());
        var listed = Assert.Single(listOnly)!;
        Assert.Equal(ListedRoles.Split(','), listed["Principal"]!["AWS"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    private static bool CanAssume(Mode mode, string principalArn) => CanAssume(TrustPolicy(mode), principalArn, externalId: null);

    private static bool CanAssume(JsonNode policy, string principalArn, string? externalId) =>
        new[] { "sts:AssumeRole", "sts:SetSourceIdentity" }.All(action =>
            IamPolicyEvaluator.Allows(policy, Request(principalArn, action, "invoker-session", externalId)));

    private static IamRequest Request(string principalArn, string action, string? sourceIdentity, string? externalId = null)
    {
        var account = principalArn.Split(':')[4];
        var context = new Dictionary<string, string>(StringComparer.Ordinal);
        if (account is InOrgListed or InOrgUnlisted)
        {
            context["aws:PrincipalOrgID"] = Organization;
        }
        else if (account is Outsider)
        {
            context["aws:PrincipalOrgID"] = OtherOrganization;
        }

        if (sourceIdentity is not null)
        {
            context["sts:SourceIdentity"] = sourceIdentity;
        }

        if (externalId is not null)
        {
            context["sts:ExternalId"] = externalId;
        }

        return new IamRequest(principalArn, action, context);
    }

    private static JsonNode TrustPolicy(Mode mode, string externalId = "")
    {
        var parameters = CalleeDeployment.Parameters(
            mode is Mode.OrganizationOnly ? "" : ListedRoles,
            mode is Mode.ListOnly ? "" : Organization,
            externalId);
        return CalleeDeployment.Resolve(parameters).Resources["CrossAccountRole"]!["AssumeRolePolicyDocument"]!;
    }
}
