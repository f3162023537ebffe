namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>
/// A stand-in `aws` executable on PATH that records every call, says it is <see cref="Version2"/> (or the version
/// given), answers describe-stacks with fake-&lt;stack&gt;-&lt;output&gt; (and 30 for FunctionTimeoutSeconds), reports S3 objects
/// as present or absent, and fails one operation with the CLI's error text when told to.
/// </summary>
public sealed class FakeAwsCli : IDisposable
{
    public const string Version2 = "aws-cli/2.22.35 Python/3.12.6 Linux/6.8.0 exe/x86_64.ubuntu.24";

    private const string Script = """
        #!/usr/bin/env bash
        printf '%s\n' "$*" >> "$FAKE_AWS_LOG"
        if [ "$1" = --version ]; then echo "$FAKE_AWS_VERSION"; exit 0; fi
        if [ -n "$FAKE_AWS_FAIL_OPERATION" ] && [ "$1 $2" = "$FAKE_AWS_FAIL_OPERATION" ]; then
          echo "$FAKE_AWS_FAIL_MESSAGE" >&2; exit 254
        fi
        if [ "$1 $2" = "cloudformation describe-stacks" ]; then
          stack="" query=""
          while [ $# -gt 0 ]; do
            case "$1" in
              --stack-name) stack="$2"; shift ;;
              --query) query="$2"; shift ;;
            esac
            shift
          done
          if [[ "$query" == *ParameterKey==\'CreateCrossAccountRole\'* ]]; then
            [ -n "$FAKE_AWS_CALLEE_CROSS_ACCOUNT_ROLE" ] || {
              echo "An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id $stack does not exist" >&2; exit 254; }
            echo "$FAKE_AWS_CALLEE_CROSS_ACCOUNT_ROLE"; exit 0
          fi
          key="$(sed -n "s/.*OutputKey=='\([A-Za-z]*\)'.*/\1/p" <<<"$query")"
          if [ "$key" = FunctionTimeoutSeconds ]; then echo 30; else echo "fake-$stack-$key"; fi
        elif [ "$1 $2" = "s3api head-object" ]; then
          [ "$FAKE_AWS_OBJECTS_EXIST" = true ] || { echo "An error occurred (404) when calling the HeadObject operation: Not Found" >&2; exit 254; }
        fi
        exit 0
        """;

    /// <param name="objectsExist">Whether head-object finds every key.</param>
    /// <param name="version">What aws --version prints.</param>
    /// <param name="calleeCrossAccountRole">Stack Callee's CreateCrossAccountRole; null: the stack does not exist.</param>
    /// <param name="failure">An operation ("s3api head-object") that fails with this message and exit code 254.</param>
    public FakeAwsCli(bool objectsExist, string version = Version2, string? calleeCrossAccountRole = null, (string Operation, string Message)? failure = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("fake-aws-").FullName;
        var script = Path.Combine(Directory, "aws");
        File.WriteAllText(script, Script.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        LogPath = Path.Combine(Directory, "calls.log");
        Environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = Directory + ":" + System.Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_AWS_LOG"] = LogPath,
            ["FAKE_AWS_OBJECTS_EXIST"] = objectsExist ? "true" : "false",
            ["FAKE_AWS_VERSION"] = version,
            ["FAKE_AWS_CALLEE_CROSS_ACCOUNT_ROLE"] = calleeCrossAccountRole ?? "",
            ["FAKE_AWS_FAIL_OPERATION"] = failure?.Operation ?? "",
            ["FAKE_AWS_FAIL_MESSAGE"] = failure?.Message ?? "",
        };
    }

    public string Directory { get; }

    public string LogPath { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Every recorded call as its argument line, in order; empty when aws was never run.</summary>
    public IReadOnlyList<string> Calls => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : [];

    /// <summary>The calls to AWS services, without the local aws --version.</summary>
    public IReadOnlyList<string> ServiceCalls => Calls.Where(c => c != "--version").ToList();

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
