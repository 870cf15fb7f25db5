namespace Mnet.Workflows.Migration.Activities;

public sealed record VerifyMigrationInput(string WorkspaceId, string MigrationId, bool InsideManagedNetwork);
