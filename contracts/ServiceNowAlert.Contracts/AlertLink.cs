namespace ServiceNowAlert.Contracts;

/// <summary>A titled http or https link shown with the alert (a console page, a runbook, a dashboard).</summary>
/// <param name="Title">What the link opens, one line.</param>
/// <param name="Url">An absolute http or https URL.</param>
public sealed record AlertLink(string Title, string Url);
