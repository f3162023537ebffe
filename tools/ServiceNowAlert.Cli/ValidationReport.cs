using ServiceNowAlert.Contracts;

namespace ServiceNowAlert.Cli;

/// <summary>The verdict on one file, as `snalert validate --json` prints it.</summary>
internal sealed record ValidationReport(string File, bool Valid, string AlertId, IReadOnlyList<AlertProblem> Problems);
