using System.Text.Json.Nodes;
using Mnet.Emulator.Http;

namespace Mnet.Emulator.Ml.Model;

/// <summary>A compute: the body as written (read-only fields refused on write) plus the service-owned state.</summary>
public sealed class ComputeRecord(string id, string name, JsonObject body)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    /// <summary>{location, tags, identity, sku, properties: {computeType, ..., properties: {...}}} as written.</summary>
    public JsonObject Body { get; set; } = body;

    public string ProvisioningState { get; set; } = "Creating";

    /// <summary>ComputeInstance state: Creating, Running, Stopping, Stopped, Starting, Restarting, Deleting.</summary>
    public string? InstanceState { get; set; }

    /// <summary>properties.provisioningErrors (null when none).</summary>
    public JsonArray? ProvisioningErrors { get; set; }

    public DateTimeOffset CreatedOn { get; init; }

    public DateTimeOffset ModifiedOn { get; set; }

    /// <summary>Who created it (ComputeInstance createdBy).</summary>
    public string CreatedByUserId { get; init; } = string.Empty;

    public string ComputeType => Body["properties"]?["computeType"]?.GetValue<string>() ?? string.Empty;

    public string Location => Body["location"]?.GetValue<string>() ?? string.Empty;

    /// <summary>properties.properties (created when absent, so changes land in the body).</summary>
    public JsonObject TypeProperties
    {
        get
        {
            return Body.Child("properties").Child("properties");
        }
    }
}
