namespace Mnet.Workflows.Stores.Snapshots;

/// <summary>A stored document is not what its key says (a manifest, a snapshot), or did not read back as written.</summary>
public sealed class SnapshotInvalidException(string key, string problem, Exception? inner = null)
    : InvalidOperationException($"Snapshot document '{key}' {problem}.", inner)
{
    public string Key { get; } = key;
}
