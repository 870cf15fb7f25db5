namespace Mnet.Workflows.Stores.Snapshots;

/// <summary>A compute the migration saved, and the key of its snapshot.</summary>
public sealed record ManifestCompute(string Name, string ComputeType, string Key);
