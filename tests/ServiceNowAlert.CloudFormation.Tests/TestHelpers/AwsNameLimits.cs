using System.Text.RegularExpressions;

namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>
/// Length and character limits of the names and descriptions the templates build from a parameter. AWS's resource
/// specification (<see cref="AwsServiceSpec"/>) carries types and allowed values but no lengths or patterns, so these
/// are written down here, each from the service's documented quota (the same values as the CloudFormation registry
/// schemas' maxLength and pattern, where those have one).
/// </summary>
public static class AwsNameLimits
{
    private static readonly Dictionary<(string Type, string Property), Limit> Limits = new()
    {
        // IAM User Guide, "IAM object quotas": role names up to 64 characters of [\w+=,.@-].
        [("AWS::IAM::Role", "RoleName")] = new(64, @"^[\w+=,.@-]+$"),
        // AWS KMS API Reference, CreateAlias: up to 256 characters, "alias/" then [a-zA-Z0-9:/_-].
        [("AWS::KMS::Alias", "AliasName")] = new(256, "^alias/[a-zA-Z0-9:/_-]+$"),
        // AWS KMS API Reference, CreateKey: Description up to 8,192 characters.
        [("AWS::KMS::Key", "Description")] = new(8192, "^(?s:.*)$"),
        // CloudWatch Logs API Reference, CreateLogGroup: up to 512 characters of [.\-_/#A-Za-z0-9].
        [("AWS::Logs::LogGroup", "LogGroupName")] = new(512, @"^[.\-_/#A-Za-z0-9]+$"),
        // DynamoDB Developer Guide, "Naming rules": table names of 3 to 255 characters of [a-zA-Z0-9_.-].
        [("AWS::DynamoDB::Table", "TableName")] = new(255, @"^[a-zA-Z0-9_.\-]{3,}$"),
        // SQS API Reference, CreateQueue: up to 80 characters of alphanumerics, hyphens and underscores.
        [("AWS::SQS::Queue", "QueueName")] = new(80, @"^[a-zA-Z0-9_\-]+$"),
        // EC2 API Reference, CreateSecurityGroup: GroupDescription up to 255 characters of a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*.
        [("AWS::EC2::SecurityGroup", "GroupDescription")] = new(255, @"^[a-zA-Z0-9. _\-:/()#,@\[\]+=&;{}!$*]*$"),
        // CloudWatch API Reference, PutMetricAlarm: AlarmDescription up to 1,024 characters.
        [("AWS::CloudWatch::Alarm", "AlarmDescription")] = new(1024, "^(?s:.*)$"),
    };

    /// <summary>What is wrong with a value of a type's property, or nothing; a property with no known limit is itself reported.</summary>
    public static IEnumerable<string> Check(string type, string property, string value)
    {
        if (!Limits.TryGetValue((type, property), out var limit))
        {
            yield return $"{type}.{property}: no documented limit is written down in AwsNameLimits";
            yield break;
        }

        if (value.Length > limit.MaxLength)
        {
            yield return $"{type}.{property}: \"{value}\" is {value.Length} characters, longer than {limit.MaxLength}";
        }

        if (!Regex.IsMatch(value, limit.Pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            yield return $"{type}.{property}: \"{value}\" does not match {limit.Pattern}";
        }
    }

    private sealed record Limit(int MaxLength, string Pattern);
}
