namespace Mnet.Workflows.Contracts;

/// <summary>Dependent resources a creation request names (full resource ids); missing ones are created.</summary>
public sealed record WorkspaceDependencies(
    string? StorageAccount = null,
    string? KeyVault = null,
    string? ApplicationInsights = null,
    string? ContainerRegistry = null);
