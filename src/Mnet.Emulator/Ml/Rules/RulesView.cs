using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mnet.Core.Catalog;
using Mnet.Core.Resources;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ids;
using Mnet.Emulator.Ml.Model;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Ml.Rules;

/// <summary>
/// Outbound rules as the service reports them: the Required rules it derives (private endpoints to the workspace and
/// its default resources: always in approved mode, in internet mode only those with public access Disabled; service
/// tags in approved mode; FQDN rules in approved mode once the firewall exists), then the user's rules (UserDefined)
/// with a status evaluated now: Provisioning/Deleting while a rule LRO runs; Failed after a failed one; Inactive +
/// errorInformation (a string) while PE approval is missing; Inactive for FQDN until a firewall exists; else Active
/// when the network is provisioned. errorInformation is null otherwise.
/// </summary>
public static partial class RulesView
{
    public static IReadOnlyList<(string Name, JsonObject Rule)> Required(EmulatorState state, WorkspaceRecord ws, EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(ws);
        ArgumentNullException.ThrowIfNull(options);
        var mode = ws.ManagedNetwork.IsolationMode;
        if (mode == IsolationMode.Disabled)
        {
            return [];
        }

        var status = ws.ManagedNetwork.IsActive ? "Active" : "Inactive";
        var tags = new List<(string, JsonObject)>();
        var pes = new List<(string, JsonObject)>();
        var fqdns = new List<(string, JsonObject)>();
        foreach (var r in RequiredRules.RequiredPrivateEndpointResources)
        {
            var target = r.Property == "self" ? ws.Id : ws.StringProperty(r.Property);
            if (string.IsNullOrEmpty(target)
                || (mode == IsolationMode.AllowInternetOutbound && NetworkOwnership.PublicNetworkAccessOf(state, ws, target) != "Disabled"))
            {
                continue;
            }

            pes.Add(($"__SYS_PE_{Safe(ScopePath.LastSegment(target))}_{r.Subresource}", Rule(OutboundRuleTypes.PrivateEndpoint, status, new JsonObject
            {
                ["serviceResourceId"] = target,
                ["subresourceTarget"] = r.Subresource,
                ["sparkEnabled"] = false,
                ["sparkStatus"] = "Inactive",
            })));
        }

        if (mode == IsolationMode.AllowOnlyApprovedOutbound)
        {
            var names = RequiredRules.RequiredOutboundServiceTags.Select(t => RequiredRules.ExpandRegion(t, ws.Location)).ToList();
            if (pes.Count > 0)
            {
                names.Add(RequiredRules.RequiredServiceTagWithPrivateEndpoints);
            }

            foreach (var tag in names)
            {
                tags.Add(($"__SYS_ST_{Safe(tag)}", Rule(OutboundRuleTypes.ServiceTag, status, new JsonObject
                {
                    ["serviceTag"] = tag,
                    ["protocol"] = "TCP",
                    ["portRanges"] = "443",
                    ["action"] = "Allow",
                })));
            }

            if (ws.ManagedNetwork.FirewallProvisioned)
            {
                foreach (var host in options.RequiredFqdnDestinations)
                {
                    fqdns.Add(($"__SYS_FQDN_{Safe(host.TrimStart('*', '.'))}", Rule(OutboundRuleTypes.Fqdn, status, JsonValue.Create(host))));
                }
            }
        }

        return [.. tags, .. pes, .. fqdns];
    }

    /// <summary>A user rule with its category, status and errorInformation as of now.</summary>
    public static JsonObject UserRule(EmulatorState state, WorkspaceRecord owner, UserRuleRecord rec)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(rec);
        var rule = rec.Rule.CloneObject();
        rule["category"] = OutboundRules.ProductOwnedRuleCategory;
        rule["errorInformation"] = null;
        if (rule["destination"] is JsonObject destination && rec.Type == OutboundRuleTypes.PrivateEndpoint)
        {
            destination["sparkStatus"] = "Inactive";
        }

        if (rec.Pending is not null)
        {
            rule["status"] = rec.Pending;
            return rule;
        }

        if (rec.Failed)
        {
            rule["status"] = "Failed";
            return rule;
        }

        if (rec.Type == OutboundRuleTypes.PrivateEndpoint)
        {
            if (PrivateEndpointApproval.Error(state, owner, rec.Rule) is { } error)
            {
                rule["status"] = "Inactive";
                rule["errorInformation"] = error;
                return rule;
            }

            var d = (JsonObject)rule["destination"]!;
            d["sparkStatus"] = d["sparkEnabled"]?.GetValue<bool>() == true && owner.ManagedNetwork.SparkReady ? "Active" : "Inactive";
        }

        if (rec.Type == OutboundRuleTypes.Fqdn && !owner.ManagedNetwork.FirewallProvisioned)
        {
            rule["status"] = "Inactive";
            return rule;
        }

        rule["status"] = owner.ManagedNetwork.IsActive ? "Active" : "Inactive";
        return rule;
    }

    /// <summary>All rules of the workspace's effective network (a Project reports its hub's).</summary>
    public static IReadOnlyList<(string Name, JsonObject Rule)> Effective(EmulatorState state, WorkspaceRecord ws)
    {
        ArgumentNullException.ThrowIfNull(state);
        var owner = NetworkOwnership.Owner(state, ws);
        return [.. Required(state, owner, state.Options), .. owner.UserRules.Values.Select(r => (r.Name, UserRule(state, owner, r)))];
    }

    /// <summary>The rule as a resource: <c>{id, name, type, properties}</c>.</summary>
    public static JsonObject Resource(WorkspaceRecord ws, string name, JsonObject rule) => new()
    {
        ["id"] = $"{ws.Id}/outboundRules/{name}",
        ["name"] = name,
        ["type"] = MlTypes.OutboundRule,
        ["properties"] = rule,
    };

    private static JsonObject Rule(string type, string status, JsonNode destination) => new()
    {
        ["type"] = type,
        ["category"] = "Required",
        ["status"] = status,
        ["destination"] = destination,
        ["errorInformation"] = null,
    };

    private static string Safe(string text) => Unsafe().Replace(text, "_");

    [GeneratedRegex("[^a-zA-Z0-9_-]")]
    private static partial Regex Unsafe();
}
