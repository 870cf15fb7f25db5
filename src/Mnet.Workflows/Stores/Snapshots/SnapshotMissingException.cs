namespace Mnet.Workflows.Stores.Snapshots;

/// <summary>A snapshot the manifest names is not in the store: nothing may be recreated (or deleted) on its strength.</summary>
public sealed class SnapshotMissingException(string key, string location)
    : InvalidOperationException($"Snapshot '{key}' is missing from the snapshot store ({location}).")
{
    public string Key { get; } = key;
}
