using Mnet.Service.Ports;

namespace Mnet.Service.Tests.Support;

/// <summary>Migrations that can be resumed: (workspace id, migration id) pairs.</summary>
public sealed class FakeMigrations : IMigrationCatalog
{
    public HashSet<(string WorkspaceId, string MigrationId)> Known { get; } = [];

    public Task<bool> ExistsAsync(string workspaceId, string migrationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Known.Any(k => string.Equals(k.WorkspaceId, workspaceId, StringComparison.OrdinalIgnoreCase) && k.MigrationId == migrationId));
}
