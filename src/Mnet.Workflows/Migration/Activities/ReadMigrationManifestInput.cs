namespace Mnet.Workflows.Migration.Activities;

public sealed record ReadMigrationManifestInput(string WorkspaceId, string MigrationId);
