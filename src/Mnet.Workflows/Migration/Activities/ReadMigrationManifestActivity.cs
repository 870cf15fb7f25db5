using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>Reads a migration's manifest back from the store it was written to (resume, recreate, verify).</summary>
public sealed class ReadMigrationManifestActivity(SnapshotStore snapshots)
    : IWorkflowActivity<ReadMigrationManifestInput, ReadMigrationManifestOutput>
{
    public async Task<ReadMigrationManifestOutput> RunAsync(ReadMigrationManifestInput input) =>
        new(await snapshots.ReadManifestAsync(input.WorkspaceId, input.MigrationId), snapshots.Location);
}
