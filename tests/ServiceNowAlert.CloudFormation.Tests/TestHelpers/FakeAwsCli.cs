namespace ServiceNowAlert.CloudFormation.Tests.TestHelpers;

/// <summary>
/// A stand-in `aws` executable on PATH that records every call, answers describe-stacks with
/// fake-&lt;stack&gt;-&lt;output&gt; (and 30 for FunctionTimeoutSeconds), and reports S3 objects as present or absent.
/// </summary>
public sealed class FakeAwsCli : IDisposable
{
    private const string Script = """
        #!/usr/bin/env bash
        printf '%s\n' "$*" >> "$FAKE_AWS_LOG"
        if [ "$1 $2" = "cloudformation describe-stacks" ]; then
          stack="" query=""
          while [ $# -gt 0 ]; do
            case "$1" in
              --stack-name) stack="$2"; shift ;;
              --query) query="$2"; shift ;;
            esac
            shift
          done
          key="$(sed -n "s/.*OutputKey=='\([A-Za-z]*\)'.*/\1/p" <<<"$query")"
          if [ "$key" = FunctionTimeoutSeconds ]; then echo 30; else echo "fake-$stack-$key"; fi
        elif [ "$1 $2" = "s3api head-object" ]; then
          [ "$FAKE_AWS_OBJECTS_EXIST" = true ] || { echo "An error occurred (404) when calling the HeadObject operation: Not Found" >&2; exit 254; }
        fi
        exit 0
        """;

    public FakeAwsCli(bool objectsExist)
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
        };
    }

    public string Directory { get; }

    public string LogPath { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Every recorded call as its argument line, in order; empty when aws was never run.</summary>
    public IReadOnlyList<string> Calls => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : [];

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
