namespace Mnet.Service.Ports;

/// <summary>Which migrations can be resumed: their manifests in the snapshot store.</summary>
public interface IMigrationCatalog
{
    /// <summary>True when the migration's manifest exists for that workspace.</summary>
    Task<bool> ExistsAsync(string workspaceId, string migrationId, CancellationToken cancellationToken = default);
}
