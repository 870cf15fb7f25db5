using Mnet.Service.Ports;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Service.Migrations;

/// <summary>A migration can be resumed when its manifest is in the snapshot store the migration wrote.</summary>
public sealed class SnapshotMigrationCatalog(SnapshotStore snapshots) : IMigrationCatalog
{
    public async Task<bool> ExistsAsync(string workspaceId, string migrationId, CancellationToken cancellationToken = default) =>
        await snapshots.ReadManifestAsync(workspaceId, migrationId, cancellationToken) is not null;
}
