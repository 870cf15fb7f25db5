using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Activities;

/// <param name="Manifest">Null when the store holds no (complete) snapshot set for the migration.</param>
/// <param name="Location">The store that was read, for the message when there is none.</param>
public sealed record ReadMigrationManifestOutput(MigrationManifest? Manifest, string Location);
