namespace Mnet.Core.Planning;

/// <summary>A workspace's computes and online endpoints, sorted by what enabling the managed network means for them.</summary>
internal sealed class ComputeInventory
{
    public List<ComputeToMigrate> Migrate { get; } = [];
    public List<EndpointToMigrate> Endpoints { get; } = [];
    public List<ComputeLeftInPlace> Unsupported { get; } = [];
    /// <summary>Attached services (Databricks, HDInsight, ...): nothing of theirs lives in the managed network.</summary>
    public List<ComputeLeftInPlace> Untouched { get; } = [];
}
