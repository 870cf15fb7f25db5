using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>An online deployment: {workspace}/onlineEndpoints/{endpoint}/deployments/{name}.</summary>
public sealed record OnlineDeployment
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public string? Type { get; init; }
    public required string Location { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public Sku? Sku { get; init; }
    /// <summary>Sent by some deployments; the recreate body keeps its writable part.</summary>
    public ManagedServiceIdentity? Identity { get; init; }
    public required OnlineDeploymentProperties Properties { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
