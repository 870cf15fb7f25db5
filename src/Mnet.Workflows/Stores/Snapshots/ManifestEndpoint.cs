namespace Mnet.Workflows.Stores.Snapshots;

/// <summary>An online endpoint the migration saved, its deployments, and the traffic split to restore once they are back.</summary>
public sealed record ManifestEndpoint(
    string Name,
    string Key,
    IReadOnlyDictionary<string, int> Traffic,
    IReadOnlyList<ManifestDeployment> Deployments);
