using System.Text.Json.Nodes;
using Mnet.Core.Resources;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ml.Model;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Ml.Workspaces;

/// <summary>
/// Applies the client-settable parts of a workspace PUT/PATCH body; validates everything before changing anything.
/// A PUT that omits managedNetwork.isolationMode keeps the current mode (tolerant; real PUT semantics unverified).
/// managedNetwork.outboundRules replace the user rules in a PUT and merge in a PATCH (null deletes; unverified).
/// </summary>
public static class WorkspaceWriter
{
    private static readonly string[] DependencyProperties =
        ["storageAccount", "keyVault", "containerRegistry", "applicationInsights", "hubResourceId"];

    public static void Apply(EmulatorState state, WorkspaceRecord ws, JsonObject body, WriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(ws);
        ArgumentNullException.ThrowIfNull(body);
        var props = body.Obj("properties") ?? [];
        var mnIn = props.Obj("managedNetwork");
        var project = NetworkOwnership.IsProject(ws);

        if (mode != WriteMode.Create && body.Str("location") is { } location && MlRequests.NormalizeLocation(location) != ws.Location)
        {
            throw ArmErrors.Validation($"The location of workspace '{ws.Name}' cannot be changed.", "location");
        }

        if (project)
        {
            var hubId = props.Str("hubResourceId") ?? ws.StringProperty("hubResourceId");
            var hub = hubId is null ? null : state.Workspace(hubId);
            if (hub is null || !NetworkOwnership.IsHub(hub))
            {
                throw ArmErrors.Validation(
                    $"A Project workspace needs properties.hubResourceId naming an existing Hub workspace (got '{hubId}').",
                    "properties.hubResourceId");
            }
        }

        var mn = ws.ManagedNetwork;
        var newMode = mn.IsolationMode;
        var newSku = mn.FirewallSku;
        var newKind = mn.Kind;
        OrderedDictionary<string, UserRuleRecord>? newRules = null;
        if (mnIn is not null)
        {
            if (project)
            {
                var hub = NetworkOwnership.Owner(state, ws);
                if (mnIn.Has("isolationMode") && WorkspaceInput.ParseIsolationMode(mnIn.Str("isolationMode")) != hub.ManagedNetwork.IsolationMode)
                {
                    throw ArmErrors.Validation(
                        "A Project uses the managed network of its hub; change the isolation mode on the hub.",
                        "properties.managedNetwork");
                }
            }
            else
            {
                if (mnIn.Has("isolationMode"))
                {
                    newMode = WorkspaceInput.ParseIsolationMode(mnIn.Str("isolationMode"));
                    WorkspaceInput.CheckModeTransition(mn.IsolationMode, newMode);
                }

                if (mnIn["firewallSku"] is not null)
                {
                    newSku = WorkspaceInput.ParseFirewallSku(mnIn.Str("firewallSku"));
                }

                if (mnIn["managedNetworkKind"] is not null)
                {
                    newKind = WorkspaceInput.ParseNetworkKind(mnIn.Str("managedNetworkKind"), mn.Kind);
                }

                if (mnIn.Obj("outboundRules") is { } rulesIn)
                {
                    newRules = mode == WriteMode.Patch ? new(ws.UserRules, StringComparer.OrdinalIgnoreCase) : new(StringComparer.OrdinalIgnoreCase);
                    foreach (var (name, rule) in rulesIn)
                    {
                        if (name.StartsWith("__SYS", StringComparison.Ordinal) || rule.Str("category") == "Required")
                        {
                            continue; // echoed back from a GET
                        }

                        if (rule is null)
                        {
                            newRules.Remove(name);
                            continue;
                        }

                        newRules[name] = new UserRuleRecord(name, RuleValidation.Validate(state, ws, newMode, name, rule));
                    }
                }
            }
        }

        // Existing rules must still be valid in the new mode (e.g. FQDN rules cannot stay in internet outbound).
        if (newRules is null && newMode != mn.IsolationMode)
        {
            foreach (var r in ws.UserRules.Values)
            {
                RuleValidation.Validate(state, ws, newMode, r.Name, r.Rule);
            }
        }

        if (mode != WriteMode.Create && mn.IsolationMode == IsolationMode.Disabled && newMode != IsolationMode.Disabled)
        {
            CheckNoCustomerSubnetComputes(ws);
        }

        var publicNetworkAccess = props.Has("publicNetworkAccess") ? WorkspaceInput.ParsePublicNetworkAccess(props.Str("publicNetworkAccess")) : null;
        var identity = IdentityMaterializer.Materialize(body["identity"], ws.Id, state.TenantOf(ws.SubscriptionId) ?? string.Empty, ws.Identity);

        // Mutate.
        mn.IsolationMode = project && mode == WriteMode.Create ? NetworkOwnership.Owner(state, ws).ManagedNetwork.IsolationMode : newMode;
        mn.FirewallSku = newSku;
        mn.Kind = newKind;
        if (newRules is not null)
        {
            ws.UserRules = newRules;
        }

        if (body.ContainsKey("identity"))
        {
            ws.Identity = identity;
        }

        if (body["tags"] is JsonObject tags)
        {
            ws.Tags = tags.CloneObject();
        }

        if (body["sku"] is JsonObject sku && sku.Str("name") is { } skuName)
        {
            ws.Sku = new JsonObject { ["name"] = skuName, ["tier"] = sku.Str("tier") ?? skuName };
        }

        var kept = mode == WriteMode.Patch ? ws.Properties : [];
        if (mode == WriteMode.Put)
        {
            // A PUT replaces the properties but the dependency ids never change.
            foreach (var k in DependencyProperties)
            {
                if (ws.Properties[k] is { } v)
                {
                    kept[k] = v.DeepClone();
                }
            }
        }

        foreach (var (k, v) in props)
        {
            if (WorkspaceInput.ReadOnlyProperties.Contains(k))
            {
                continue;
            }

            if (k == "imageBuildCompute" && v is JsonValue s && s.TryGetValue<string>(out var text) && text.Length == 0)
            {
                kept.Remove(k); // an empty value switches back to the default
                continue;
            }

            kept[k] = v?.DeepClone();
        }

        if (publicNetworkAccess is not null)
        {
            kept["publicNetworkAccess"] = publicNetworkAccess;
        }

        ws.Properties = kept;
    }

    /// <summary>Computes in a customer subnet block enabling the managed network (delete and recreate them first).</summary>
    private static void CheckNoCustomerSubnetComputes(WorkspaceRecord ws)
    {
        var inSubnet = ws.Computes.Values
            .Where(c => c.TypeProperties["subnet"].Str("id") is { Length: > 0 })
            .Select(c => c.Name)
            .ToList();
        if (inSubnet.Count > 0)
        {
            throw ArmErrors.Validation(
                $"The managed network cannot be enabled while computes use a customer virtual network subnet ({string.Join(", ", inSubnet)}); delete them first and recreate them in the managed network.",
                "properties.managedNetwork.isolationMode");
        }
    }
}
