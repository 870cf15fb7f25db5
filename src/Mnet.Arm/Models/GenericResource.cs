using System.Text.Json;
using System.Text.Json.Serialization;
using Mnet.Core.Resources;

namespace Mnet.Arm.Models;

/// <summary>Any ARM resource read by id (dependency resources, resource groups); properties stay raw JSON.</summary>
public sealed record GenericResource
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }
    public string? Location { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public Sku? Sku { get; init; }
    public ManagedServiceIdentity? Identity { get; init; }
    public IReadOnlyDictionary<string, JsonElement>? Properties { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
