using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary><c>properties.managedNetwork</c> of a workspace.</summary>
public sealed record ManagedNetworkSettings
{
    public IsolationMode? IsolationMode { get; init; }
    /// <summary>Read-only.</summary>
    public string? NetworkId { get; init; }
    /// <summary>Keyed by rule name; includes the service's Required rules.</summary>
    public IReadOnlyDictionary<string, OutboundRule>? OutboundRules { get; init; }
    public ManagedNetworkStatus? Status { get; init; }
    /// <summary>Standard or Basic (open set).</summary>
    public string? FirewallSku { get; init; }
    /// <summary>V1 or V2 (open set).</summary>
    public string? ManagedNetworkKind { get; init; }
    /// <summary>Read-only; seen in real responses.</summary>
    public IReadOnlyList<IsolationMode>? ChangeableIsolationModes { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
