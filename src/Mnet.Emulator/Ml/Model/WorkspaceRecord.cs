using System.Text.Json.Nodes;

namespace Mnet.Emulator.Ml.Model;

/// <summary>A workspace: what the client set (JSON, kept as written) and what the service owns.</summary>
public sealed class WorkspaceRecord(string id, string name, string subscriptionId, string resourceGroup, string location)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public string SubscriptionId { get; } = subscriptionId;

    public string ResourceGroup { get; } = resourceGroup;

    public string Location { get; } = location;

    /// <summary>Default, Hub, Project, FeatureStore.</summary>
    public string Kind { get; set; } = "Default";

    public JsonObject Tags { get; set; } = [];

    /// <summary>Materialised identity (principal ids minted); null: none.</summary>
    public JsonObject? Identity { get; set; }

    public JsonObject Sku { get; set; } = new() { ["name"] = "Basic", ["tier"] = "Basic" };

    /// <summary>Client-settable properties as written (not managedNetwork, not read-only ones).</summary>
    public JsonObject Properties { get; set; } = [];

    public required ManagedNetworkRecord ManagedNetwork { get; init; }

    public OrderedDictionary<string, UserRuleRecord> UserRules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public OrderedDictionary<string, ComputeRecord> Computes { get; } = new(StringComparer.OrdinalIgnoreCase);

    public OrderedDictionary<string, EndpointRecord> Endpoints { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string ProvisioningState { get; set; } = "Creating";

    public string Etag { get; set; } = string.Empty;

    public required string WorkspaceGuid { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ModifiedAt { get; set; }

    public string? StringProperty(string name) => Properties[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
