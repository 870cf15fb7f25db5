using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>A Microsoft.MachineLearningServices workspace (api-version 2025-09-01).</summary>
public sealed record Workspace
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Type { get; init; }
    public required string Location { get; init; }
    /// <summary>Default, Hub, Project, FeatureStore, ... (open set).</summary>
    public string? Kind { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public ManagedServiceIdentity? Identity { get; init; }
    public Sku? Sku { get; init; }
    public string? Etag { get; init; }
    public required WorkspaceProperties Properties { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
