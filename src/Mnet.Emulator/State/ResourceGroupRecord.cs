using System.Text.Json.Nodes;

namespace Mnet.Emulator.State;

/// <summary>A resource group (the pipeline checks it exists before a handler runs).</summary>
public sealed class ResourceGroupRecord(string id, string name, string subscriptionId, string location)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public string SubscriptionId { get; } = subscriptionId;

    public string Location { get; } = location;

    public JsonObject Tags { get; set; } = [];

    /// <summary>Anything else a PUT carried (managedBy, properties), kept as written.</summary>
    public JsonObject Extra { get; set; } = [];
}
