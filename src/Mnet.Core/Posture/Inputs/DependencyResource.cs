using System.Text.Json;
using System.Text.Json.Serialization;
using Mnet.Core.Resources;

namespace Mnet.Core.Posture.Inputs;

/// <summary>
/// A resource the workspace depends on (storage account, key vault, container registry, Application Insights, Azure
/// Monitor Private Link Scope) as GET (or Resource Graph) returns it; only its network settings are typed.
/// </summary>
public sealed record DependencyResource
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }
    public string? Location { get; init; }
    public string? Kind { get; init; }
    public Sku? Sku { get; init; }
    public DependencyProperties? Properties { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
