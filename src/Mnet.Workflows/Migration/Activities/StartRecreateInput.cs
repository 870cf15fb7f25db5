using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Activities;

/// <param name="Name">The snapshot name: a compute's or endpoint's name, a deployment's <c>{endpoint}.{deployment}</c>.</param>
/// <param name="InsideManagedNetwork">The workspace's managed network is on: a compute's customer subnet is dropped.</param>
/// <param name="At">From the orchestration's clock: when the recreate was decided (recorded with the recreate mark).</param>
public sealed record StartRecreateInput(
    string WorkspaceId,
    string MigrationId,
    SnapshotKind Kind,
    string Name,
    bool InsideManagedNetwork,
    DateTimeOffset At);
