using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>A workspace's <c>properties</c>; the ones the product does not name are kept in Extra.</summary>
public sealed record WorkspaceProperties
{
    public ManagedNetworkSettings? ManagedNetwork { get; init; }
    /// <summary>Enabled or Disabled (open set).</summary>
    public string? PublicNetworkAccess { get; init; }
    /// <summary>Only meaningful at creation.</summary>
    public bool? ProvisionNetworkNow { get; init; }
    /// <summary>Name of the compute cluster that builds images; empty resets it.</summary>
    public string? ImageBuildCompute { get; init; }
    public string? ProvisioningState { get; init; }
    public string? StorageAccount { get; init; }
    public string? KeyVault { get; init; }
    public string? ContainerRegistry { get; init; }
    public string? ApplicationInsights { get; init; }
    public string? HubResourceId { get; init; }
    public string? FriendlyName { get; init; }
    public string? Description { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
