namespace ServiceNowAlert.Alerting.Rendering;

/// <summary>The three rendered parts of one alert email.</summary>
public sealed record RenderedAlert(string Subject, string Text, string Html);
