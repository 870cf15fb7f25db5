namespace Mnet.Core.Resources;

/// <summary><c>properties.managedNetwork</c> of a <see cref="WorkspaceNetworkPatch"/>.</summary>
public sealed record ManagedNetworkPatch
{
    public IsolationMode? IsolationMode { get; init; }
    public string? FirewallSku { get; init; }
    /// <summary>V1 or V2 (open set); the ARM client re-sends the current one so a replacing PATCH keeps it.</summary>
    public string? ManagedNetworkKind { get; init; }
}
