namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>Where a policy document sits, which decides what its Resource and Principal may be.</summary>
public enum PolicyKind
{
    /// <summary>A role's or policy's permissions (no Principal).</summary>
    Identity,

    /// <summary>A role's AssumeRolePolicyDocument.</summary>
    Trust,

    /// <summary>A KMS key policy, where Resource "*" means the key itself.</summary>
    Key,

    /// <summary>A bucket or queue policy.</summary>
    Resource,
}
