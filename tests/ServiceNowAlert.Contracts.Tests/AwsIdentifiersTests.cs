namespace ServiceNowAlert.Contracts.Tests;

public sealed class AwsIdentifiersTests
{
    [Theory]
    [InlineData("111122223333", true)]
    [InlineData("000000000000", true)]
    [InlineData("11112222333", false)]
    [InlineData("1111222233334", false)]
    [InlineData("1111-2222-33", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsAccountId_AcceptsTwelveDigitsOnly(string? value, bool expected) =>
        Assert.Equal(expected, AwsIdentifiers.IsAccountId(value));

    [Theory]
    [InlineData("eu-west-1", true)]
    [InlineData("us-gov-west-1", true)]
    [InlineData("ap-southeast-12", true)]
    [InlineData("EU-WEST-1", false)]
    [InlineData("eu-west", false)]
    [InlineData("europe-west-1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsRegion_AcceptsAwsRegionNames(string? value, bool expected) =>
        Assert.Equal(expected, AwsIdentifiers.IsRegion(value));

    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/servicenowalert-invoker", "111122223333")]
    [InlineData("arn:aws-us-gov:iam::111122223333:role/path/to/legacy-invoker", "111122223333")]
    [InlineData("arn:aws:iam::111122223333:role/a+b=c,d.e@f_g-h", "111122223333")]
    [InlineData("arn:aws:iam::111122223333:user/servicenowalert-invoker", null)]
    [InlineData("arn:aws:iam::11112222333:role/servicenowalert-invoker", null)]
    [InlineData("arn:aws:iam::111122223333:role/", null)]
    [InlineData("arn:aws:iam::111122223333:role/näme", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void TryGetRoleArnAccount_GivesTheAccountOfAnIamRoleArnOnly(string? value, string? expected)
    {
        var isRole = AwsIdentifiers.TryGetRoleArnAccount(value, out var account);

        Assert.Equal((expected is not null, expected), (isRole, account));
    }
}
