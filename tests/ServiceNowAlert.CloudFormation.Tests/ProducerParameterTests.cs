using ServiceNowAlert.CloudFormation.Tests.TestHelpers;

namespace ServiceNowAlert.CloudFormation.Tests;

/// <summary>Which producers the Callee stack trusts, and how the producers are named, refused at deploy time when wrong.</summary>
public sealed class ProducerParameterTests
{
    private const string Role = "arn:aws:iam::222222222222:role/servicenowalert-invoker";
    private const string Organization = "o-a1b2c3d4e5";

    [Theory]
    [InlineData(Role, "")]
    [InlineData(Role + ",arn:aws:iam::333333333333:role/team/legacy-invoker", "")]
    [InlineData("", Organization)]
    [InlineData(Role, Organization)]
    [InlineData("arn:aws-us-gov:iam::222222222222:role/servicenowalert-invoker", "o-abcdefghijklmnopqrstuvwxyz012345")]
    public void CalleeParameters_AcceptAListAnOrganizationOrBoth(string invokerRoleArns, string organizationId)
    {
        Assert.Empty(CalleeDeployment.Errors(CalleeDeployment.Parameters(invokerRoleArns, organizationId)));
    }

    [Theory]
    [InlineData("arn:aws:iam::22222222222:role/servicenowalert-invoker")]
    [InlineData("arn:aws:iam::2222222222222:role/servicenowalert-invoker")]
    [InlineData("arn:aws:iam::222222222222:root")]
    [InlineData("222222222222")]
    [InlineData("*")]
    [InlineData("arn:aws:iam::*:role/servicenowalert-invoker")]
    [InlineData("arn:aws:iam::222222222222:role/*")]
    [InlineData("arn:aws:iam::222222222222:role/servicenowalert-?")]
    [InlineData("arn:aws:iam::222222222222:user/alice")]
    [InlineData("arn:aws:sts::222222222222:assumed-role/servicenowalert-invoker/session")]
    [InlineData(Role + ",arn:aws:iam::333333333333:root")]
    public void InvokerRoleArns_WithAnEntryThatIsNotARoleArn_IsRefused(string invokerRoleArns)
    {
        var errors = CalleeDeployment.Errors(CalleeDeployment.Parameters(invokerRoleArns, Organization));

        Assert.Contains(errors, e => e.StartsWith("InvokerRoleArns:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Role + ",," + Role)]
    [InlineData(Role + ",")]
    [InlineData("," + Role)]
    public void InvokerRoleArns_WithAnEmptyEntry_IsRefusedByTheRules(string invokerRoleArns)
    {
        var errors = CalleeDeployment.Errors(CalleeDeployment.Parameters(invokerRoleArns, ""));

        Assert.Contains(errors, e => e.StartsWith("rule InvokerRoleArnsHaveNoEmptyEntry:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData(",")]
    public void NeitherListNorOrganization_IsRefusedRatherThanTrustingNobodyOrEveryone(string invokerRoleArns)
    {
        var errors = CalleeDeployment.Errors(CalleeDeployment.Parameters(invokerRoleArns, ""));

        var error = Assert.Single(errors, e => e.StartsWith("rule AtLeastOneProducerSource:", StringComparison.Ordinal));
        Assert.Contains("InvokerRoleArns", error, StringComparison.Ordinal);
        Assert.Contains("OrganizationId", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("o-abc")]
    [InlineData("o-ABCDEFGHIJ")]
    [InlineData("r-a1b2c3d4e5")]
    [InlineData("o-a1b2c3d4e5 ")]
    [InlineData("*")]
    [InlineData("o-abcdefghijklmnopqrstuvwxyz0123456")]
    public void OrganizationId_ThatIsNotAnOrganizationId_IsRefused(string organizationId)
    {
        var errors = CalleeDeployment.Errors(CalleeDeployment.Parameters(Role, organizationId));

        Assert.Contains(errors, e => e.StartsWith("OrganizationId:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("servicenowalert-*")]
    [InlineData("servicenowalert-invoke?")]
    [InlineData("team/servicenowalert-invoker")]
    [InlineData("servicenowalert invoker")]
    [InlineData("a-role-name-of-sixty-five-characters-is-one-more-than-iam-allows-")]
    public void InvokerRoleName_ThatIsNotARoleName_IsRefused(string roleName)
    {
        var parameters = CalleeDeployment.Parameters("", Organization);
        parameters["InvokerRoleName"] = roleName;

        Assert.Contains(CalleeDeployment.Errors(parameters), e => e.StartsWith("InvokerRoleName:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("111111111111=Payments prod,222222222222=Data", true)]
    [InlineData("222222222222=Zahlungsverkehr – Produktion (EU)", true)]
    [InlineData("11111111111=Payments", false)]
    [InlineData("111111111111=", false)]
    [InlineData("111111111111", false)]
    [InlineData("111111111111=Payments,Data", false)]
    [InlineData("111111111111=Pay=ments", false)]
    [InlineData("111111111111=Payments\nprod", false)]
    [InlineData("111111111111=Payments\u0007", false)]
    [InlineData("111111111111=Payments\u0085", false)]
    [InlineData("111111111111=Payments prod,", false)]
    [InlineData("111111111111=a-name-of-sixty-five-characters-is-one-more-than-a-display-allows", false)]
    public void ProducerAccountNames_AcceptsOnlyAccountIdEqualsNamePairs(string names, bool accepted)
    {
        var parameters = CalleeDeployment.Parameters(Role, "");
        parameters["ProducerAccountNames"] = names;

        Assert.Equal(accepted, !CalleeDeployment.Errors(parameters).Any(e => e.StartsWith("ProducerAccountNames:", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("Payments prod", true)]
    [InlineData("Zahlungsverkehr – Produktion, EU=1", true)]
    [InlineData("A name of sixty-four characters is the longest a display takes!!", true)]
    [InlineData("a-name-of-sixty-five-characters-is-one-more-than-a-display-allows", false)]
    [InlineData("Payments\tprod", false)]
    [InlineData("Payments\u001b[31m", false)]
    [InlineData("Payments\u009b", false)]
    public void CallerAccountName_AcceptsAtMost64CharactersWithoutControlCharacters(string name, bool accepted)
    {
        var parameters = CallerDeployment.Parameters();
        parameters["AccountName"] = name;

        var errors = CallerDeployment.Errors(parameters);

        Assert.Equal(accepted, errors.Count == 0);
        Assert.Equal(accepted, !errors.Any(e => e.StartsWith("AccountName:", StringComparison.Ordinal)));
    }
}
