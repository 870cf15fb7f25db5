using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>A workspace compute: {workspace}/computes/{name}.</summary>
public sealed record ComputeResource
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public string? Type { get; init; }
    public string? Location { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public ManagedServiceIdentity? Identity { get; init; }
    public Sku? Sku { get; init; }
    public required ComputeProperties Properties { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
