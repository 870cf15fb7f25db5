using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>An online deployment's <c>properties</c>.</summary>
public sealed record OnlineDeploymentProperties
{
    /// <summary>Managed or Kubernetes (open set).</summary>
    public string? EndpointComputeType { get; init; }
    public string? Model { get; init; }
    public string? EnvironmentId { get; init; }
    public string? InstanceType { get; init; }
    public IReadOnlyDictionary<string, JsonElement>? ScaleSettings { get; init; }
    public string? ProvisioningState { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
