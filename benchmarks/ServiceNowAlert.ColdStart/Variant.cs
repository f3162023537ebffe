namespace ServiceNowAlert.ColdStart;

/// <summary>One build of one function to measure: a name, how to start it, the payload it is warmed with.</summary>
internal sealed record Variant(string Name, string FileName, IReadOnlyList<string> Arguments, byte[] Payload, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Parses <c>name=path[;payload-file][;KEY=VALUE...]</c>; a .dll path runs under <c>dotnet</c> (JIT).</summary>
    public static Variant Parse(string spec)
    {
        var parts = spec.Split(';');
        var (name, path) = (parts[0][..parts[0].IndexOf('=', StringComparison.Ordinal)], parts[0][(parts[0].IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var payload = parts.Length > 1 && parts[1].Length > 0 ? File.ReadAllBytes(parts[1]) : "\"ping\""u8.ToArray();
        var environment = parts.Skip(2).Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        return path.EndsWith(".dll", StringComparison.Ordinal)
            ? new Variant(name, "dotnet", [Path.GetFullPath(path)], payload, environment)
            : new Variant(name, Path.GetFullPath(path), [], payload, environment);
    }
}
