namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>
/// Stack Callee resolved for one choice of trusted producers, with every other parameter as in
/// cloudformation/params/callee.json plus what deploy.sh adds.
/// </summary>
public static class CalleeDeployment
{
    public const string AlertingAccount = "111111111111";

    private static readonly CloudFormationTemplate Callee = CloudFormationTemplate.Load("callee.yaml");

    public static Dictionary<string, string> Parameters(string invokerRoleArns, string organizationId, string externalId = "")
    {
        var parameters = ParameterFiles.Values("callee.json");
        parameters["ArtifactBucketName"] = "example-snalert-callee-artifacts-111111111111";
        parameters["CodeS3Key"] = "alerting/" + new string('a', 64) + ".zip";
        parameters["ReleaseId"] = new string('b', 64);
        parameters["InvokerRoleArns"] = invokerRoleArns;
        parameters["OrganizationId"] = organizationId;
        parameters["ExternalId"] = externalId;
        return parameters;
    }

    public static ResolvedTemplate Resolve(IReadOnlyDictionary<string, string> parameters)
    {
        var errors = new TemplateParameters(Callee, parameters).Errors();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return new ResolvedTemplate(Callee, parameters, AlertingAccount);
    }

    public static IReadOnlyList<string> Errors(IReadOnlyDictionary<string, string> parameters) =>
        new TemplateParameters(Callee, parameters).Errors();
}
