using System.Text.Json;
using Mnet.Core.Resources;

namespace Mnet.Workflows.Stores.Snapshots;

/// <summary>
/// One saved definition: a compute, an online endpoint (with its traffic) or a deployment exactly as ARM returned it
/// (<see cref="Definition"/>, read-only fields included: the recreate body drops them, and the creation time tells
/// the snapshotted resource from a recreated one).
/// </summary>
public sealed record SnapshotDocument
{
    public required SnapshotKind Kind { get; init; }
    /// <summary>The resource's name; a deployment's is <c>{endpoint}.{deployment}</c>.</summary>
    public required string Name { get; init; }
    public required string WorkspaceId { get; init; }
    public required string MigrationId { get; init; }
    public required DateTimeOffset CapturedAt { get; init; }
    public required JsonElement Definition { get; init; }

    /// <summary>The definition as the ARM record it was read as (ComputeResource, OnlineEndpoint, OnlineDeployment).</summary>
    public T DefinitionAs<T>() => ArmJson.Deserialize<T>(Definition);
}
