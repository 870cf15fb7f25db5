using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>A compute's <c>properties</c>; the type-specific block stays raw JSON (<see cref="Properties"/>).</summary>
public sealed record ComputeProperties
{
    /// <summary>AmlCompute, ComputeInstance, Kubernetes, ... (open set).</summary>
    public required string ComputeType { get; init; }
    public string? ComputeLocation { get; init; }
    public string? ProvisioningState { get; init; }
    public string? Description { get; init; }
    public string? ResourceId { get; init; }
    public bool? DisableLocalAuth { get; init; }
    /// <summary>Type-specific properties (vmSize, scaleSettings, subnet, ...), kept as read, nulls included.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Properties { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
