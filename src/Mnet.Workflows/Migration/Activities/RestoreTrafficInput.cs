namespace Mnet.Workflows.Migration.Activities;

public sealed record RestoreTrafficInput(string WorkspaceId, string MigrationId, string Endpoint);
