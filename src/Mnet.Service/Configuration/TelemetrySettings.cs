namespace Mnet.Service.Configuration;

/// <summary>Application Insights export of the worker (the Functions host reads the same two settings).</summary>
/// <param name="ConnectionString">Locates the component; never a credential (local auth is off in Azure).</param>
/// <param name="UsesEntra">Ingestion with an Entra token (APPLICATIONINSIGHTS_AUTHENTICATION_STRING Authorization=AAD).</param>
/// <param name="ClientId">The user-assigned identity that gets the token; null: the system identity / developer login.</param>
public sealed record TelemetrySettings(string ConnectionString, bool UsesEntra, string? ClientId);
