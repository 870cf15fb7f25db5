namespace Mnet.Emulator.Scenarios;

/// <summary>The ids of a workspace's default resources a scenario created.</summary>
public sealed record DefaultResources(string StorageAccount, string KeyVault, string ApplicationInsights, string? ContainerRegistry);
