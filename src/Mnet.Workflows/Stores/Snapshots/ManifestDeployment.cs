namespace Mnet.Workflows.Stores.Snapshots;

/// <summary>A deployment the migration saved, and the key of its snapshot.</summary>
public sealed record ManifestDeployment(string Name, string Key);
