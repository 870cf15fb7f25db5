using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Activities;

/// <param name="Name">The snapshot name: a compute's or endpoint's name, a deployment's <c>{endpoint}.{deployment}</c>.</param>
public sealed record StartDeleteInput(
    string WorkspaceId,
    string MigrationId,
    SnapshotKind Kind,
    string Name,
    DeletePurpose Purpose = DeletePurpose.Migrate);
