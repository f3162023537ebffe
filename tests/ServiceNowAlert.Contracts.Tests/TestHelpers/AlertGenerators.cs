using CsCheck;

namespace ServiceNowAlert.Contracts.Tests.TestHelpers;

/// <summary>CsCheck generators of valid requests, including non-ASCII text and every optional part.</summary>
internal static class AlertGenerators
{
    private const string IdChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-";

    private static readonly Gen<string> Fragment = Gen.Frequency(
        (8, Gen.Char[' ', '~'].Select(c => c.ToString())),
        (1, Gen.OneOf("é", "ß", "€", "中", "😀", "−", "\u00a0")));

    public static Gen<string> SingleLine(int min, int max) => Fragment.Array[min, max].Select(string.Concat);

    public static Gen<string> MultiLine(int max) =>
        Gen.Frequency((6, Fragment), (1, Gen.OneOf("\n", "\r\n", "\t"))).Array[1, max].Select(string.Concat);

    public static readonly Gen<string> Id =
        Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], Gen.Char[IdChars].Array[0, 40], (first, rest) => first + new string(rest));

    private static readonly Gen<string?> OptionalSingleLine = SingleLine(1, 30).Null();

    private static readonly Gen<AlertLink> Link = Gen.Select(
        SingleLine(1, 20),
        Gen.OneOf("http", "https"),
        Gen.Char["abcdefghijklmnopqrstuvwxyz"].Array[1, 12],
        Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789/=?&%-"].Array[0, 30],
        (title, scheme, host, path) => new AlertLink(title, $"{scheme}://{new string(host)}.example.com/{new string(path)}"));

    private static readonly Gen<OrderedDictionary<string, string>> Details =
        Gen.Select(SingleLine(1, 12), MultiLine(40)).Array[0, 8].Select(pairs =>
        {
            var details = new OrderedDictionary<string, string>();
            foreach (var (name, value) in pairs)
            {
                details.TryAdd(name, value);
            }

            return details;
        });

    public static readonly Gen<AlertRequest> Request = Gen.Select(
        Gen.Select(Id, SingleLine(1, 60), Gen.Enum<AlertStatus>(), Gen.Enum<AlertSeverity>(), SingleLine(1, 30), SingleLine(1, 80)),
        Gen.Select(MultiLine(200).Null(), OptionalSingleLine, OptionalSingleLine, OptionalSingleLine, Gen.Char['0', '9'].Array[12, 12].Null()),
        Gen.Select(Gen.Long[0, 4_102_444_800L * 10_000_000], SingleLine(1, 60).Array[0, 5], Link.Array[0, 4], Details, SingleLine(0, 60).Array[0, 6]),
        Gen.OneOf<string?>(null, "eu-west-1", "us-gov-west-1", "ap-southeast-2"),
        Id.Null(),
        (core, context, content, region, route) => new AlertRequest
        {
            AlertId = core.Item1,
            CorrelationKey = core.Item2,
            Status = core.Item3,
            Severity = core.Item4,
            Source = core.Item5,
            Title = core.Item6,
            Description = context.Item1,
            Application = context.Item2,
            ConfigurationItem = context.Item3,
            Environment = context.Item4,
            Account = context.Item5 is null ? null : new string(context.Item5),
            Region = region,
            OccurredAt = new DateTimeOffset(DateTime.UnixEpoch.Ticks + content.Item1, TimeSpan.Zero),
            Resources = content.Item2,
            Links = content.Item3,
            Details = content.Item4,
            LogExcerpt = content.Item5,
            Route = route,
        });
}
