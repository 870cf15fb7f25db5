using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Activities;

/// <param name="Manifest">The stored manifest (this run's, or the one an earlier run of the same migration wrote).</param>
/// <param name="Location">The store the snapshots are in: a resume must read the same one.</param>
public sealed record SnapshotComputesOutput(MigrationManifest Manifest, string Location);
