namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>Stack Caller's parameters as in cloudformation/params/caller.json plus what deploy.sh adds.</summary>
public static class CallerDeployment
{
    public const string ProducerAccount = "222222222222";

    private static readonly CloudFormationTemplate Caller = CloudFormationTemplate.Load("caller.yaml");

    public static Dictionary<string, string> Parameters()
    {
        var parameters = ParameterFiles.Values("caller.json");
        parameters["ArtifactBucketName"] = "example-snalert-caller-artifacts-222222222222";
        parameters["CodeS3Key"] = "invoker/" + new string('a', 64) + ".zip";
        parameters["ReleaseId"] = new string('b', 64);
        parameters["TargetRoleArn"] = "arn:aws:iam::111111111111:role/servicenowalert-cross-account-invoke";
        parameters["TargetFunctionArn"] = "arn:aws:lambda:eu-west-1:111111111111:function:servicenowalert-alerting:live";
        parameters["TargetRegion"] = "eu-west-1";
        parameters["CalleeTimeoutSeconds"] = "30";
        return parameters;
    }

    public static IReadOnlyList<string> Errors(IReadOnlyDictionary<string, string> parameters) =>
        new TemplateParameters(Caller, parameters).Errors();

    public static ResolvedTemplate Resolve(IReadOnlyDictionary<string, string> parameters)
    {
        var errors = Errors(parameters);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return new ResolvedTemplate(Caller, parameters, ProducerAccount);
    }
}
