using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Core.Resources;

namespace Mnet.Arm.Recreate;

/// <summary>
/// The PUT body that recreates a fetched compute (cluster or instance), e.g. inside a newly enabled managed network.
/// Keeps everything the user chose (size, scale settings, assigned user, setup scripts, schedules,
/// enableNodePublicIp, identity, tags, sku) and drops what the service computes (<see cref="ReadOnlyFields"/>).
/// Inside a managed network a compute cannot sit in a customer subnet, so <c>subnet</c> is dropped there.
/// </summary>
public static class ComputeRecreate
{
    public static ComputeCreateBody Body(ComputeResource compute, bool insideManagedNetwork)
    {
        var source = compute.Properties;
        var properties = source with
        {
            ProvisioningState = null,
            Extra = JsonFields.Without(source.Extra, ReadOnlyFields.Compute),
            Properties = source.Properties is { } inner ? TypeSpecific(inner, insideManagedNetwork) : null,
        };
        return new ComputeCreateBody
        {
            Location = compute.Location,
            Tags = compute.Tags,
            Sku = compute.Sku,
            Identity = compute.Identity is { } identity ? WritableIdentity.Of(identity) : null,
            Properties = properties,
        };
    }

    private static Dictionary<string, JsonElement> TypeSpecific(
        IReadOnlyDictionary<string, JsonElement> inner, bool insideManagedNetwork)
    {
        var drop = insideManagedNetwork ? ReadOnlyFields.ComputeType.Append("subnet") : ReadOnlyFields.ComputeType;
        var output = JsonFields.Without(inner, drop)!;
        if (output.TryGetValue("sshSettings", out var ssh)) output["sshSettings"] = JsonFields.Without(ssh, ReadOnlyFields.SshSettings);
        if (output.TryGetValue("schedules", out var schedules)) output["schedules"] = WritableSchedules(schedules);
        return output;
    }

    private static JsonElement WritableSchedules(JsonElement schedules)
    {
        if (schedules.ValueKind != JsonValueKind.Object) return schedules;
        var node = JsonNode.Parse(schedules.GetRawText())!.AsObject();
        if (node["computeStartStop"] is JsonArray entries)
        {
            foreach (var entry in entries.OfType<JsonObject>())
            {
                foreach (var key in ReadOnlyFields.Schedule) entry.Remove(key);
            }
        }
        return JsonSerializer.SerializeToElement(node);
    }
}
