using System.Text.Json;
using System.Text.Json.Serialization;
using Mnet.Core.Resources;

namespace Mnet.Arm.Models;

/// <summary>PUT body of a dependency resource (storage account, key vault, registry, application insights).</summary>
public sealed record GenericResourceBody
{
    public required string Location { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public Sku? Sku { get; init; }
    public ManagedServiceIdentity? Identity { get; init; }
    public IReadOnlyDictionary<string, JsonElement>? Properties { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
