using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mnet.Core.Catalog;
using Mnet.Core.Resources;
using Mnet.Emulator.Http;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Ml.Model;

/// <summary>
/// The service's checks on a user outbound rule (facts "Outbound rules"): the mode allows the type, FQDN ports 80/443
/// only, no FQDN to Azure Storage in approved mode, PE targets of a supported type and subresource in the same
/// tenant, ServiceTag shape. Refusals are 400 ValidationError (the real code of some is unverified). Fields the
/// client sent that the emulator does not check are kept as written.
/// </summary>
public static partial class RuleValidation
{
    public static void CheckRuleName(string name)
    {
        if (name.StartsWith("__SYS", StringComparison.Ordinal))
        {
            throw ArmErrors.Validation(
                $"Outbound rule '{name}' is a Required rule managed by the service and cannot be changed.", name);
        }

        if (!OutboundRules.RuleNamePattern.IsMatch(name))
        {
            throw ArmErrors.Validation(
                $"The outbound rule name '{name}' is invalid. It must match {OutboundRules.RuleNamePattern}.", name);
        }
    }

    /// <summary>Why the mode refuses a rule type, or null.</summary>
    public static string? ModeRefusal(IsolationMode mode, string type, string name)
    {
        if (OutboundRules.RuleTypesAllowedByMode[mode].Contains(type))
        {
            return null;
        }

        return mode == IsolationMode.Disabled
            ? $"Outbound rules are not supported when the managed network isolation mode is Disabled (rule '{name}' of type {type})."
            : $"Only PrivateEndpoint outbound rules are supported in AllowInternetOutbound isolation mode; rule '{name}' is of type {type}.";
    }

    /// <summary>Validates and normalises a user rule (<c>{type, destination, ...}</c>) for the network owner.</summary>
    public static JsonObject Validate(EmulatorState state, WorkspaceRecord owner, IsolationMode mode, string name, JsonNode? input)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(owner);
        CheckRuleName(name);
        if (input is not JsonObject rule)
        {
            throw ArmErrors.Validation($"Outbound rule '{name}' must be an object with type and destination.", name);
        }

        var given = rule.Str("type");
        var type = new[] { OutboundRuleTypes.Fqdn, OutboundRuleTypes.PrivateEndpoint, OutboundRuleTypes.ServiceTag }
            .FirstOrDefault(t => t.Equals(given, StringComparison.OrdinalIgnoreCase))
            ?? throw ArmErrors.Validation(
                $"Outbound rule '{name}' has an invalid type '{given}'. Use FQDN, PrivateEndpoint or ServiceTag.", $"{name}.type");
        if (ModeRefusal(mode, type, name) is { } refusal)
        {
            throw ArmErrors.Validation(refusal, $"{name}.type");
        }

        // Server-computed fields are not the client's to set: drop them, keep everything else.
        var result = rule.CloneObject();
        foreach (var key in new[] { "category", "status", "errorInformation" })
        {
            result.Remove(key);
        }

        result["type"] = type;
        return type switch
        {
            OutboundRuleTypes.Fqdn => Fqdn(mode, name, result),
            OutboundRuleTypes.PrivateEndpoint => PrivateEndpoint(state, owner, name, result),
            _ => ServiceTag(name, result),
        };
    }

    private static JsonObject Fqdn(IsolationMode mode, string name, JsonObject rule)
    {
        var destination = rule.Str("destination")?.Trim();
        if (string.IsNullOrEmpty(destination))
        {
            throw ArmErrors.Validation($"FQDN rule '{name}' needs a destination host name.", $"{name}.destination");
        }

        var ports = new List<string>();
        // Where a port is given is unverified: accept portRanges/ports/port on the rule and a ":port" suffix.
        foreach (var key in new[] { "portRanges", "ports", "port" })
        {
            if (rule[key] is JsonValue v)
            {
                ports.Add(v.ToString());
            }
        }

        var hostPort = HostPort().Match(destination);
        if (hostPort.Success)
        {
            ports.Add(hostPort.Groups[2].Value);
        }

        foreach (var p in ports.SelectMany(s => s.Split(',')).Select(s => s.Trim()).Where(s => s.Length > 0))
        {
            var range = p.Split('-').Select(x => int.TryParse(x.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
            var ok = range.Length is 1 or 2 && OutboundRules.FqdnAllowedPorts.Contains(range[0]) && (range.Length == 1 || range[1] == range[0]);
            if (!ok)
            {
                throw ArmErrors.Validation(
                    $"FQDN outbound rules support ports {string.Join(" and ", OutboundRules.FqdnAllowedPorts)} only; rule '{name}' asks for '{p}'.",
                    $"{name}.destination");
            }
        }

        var host = (hostPort.Success ? hostPort.Groups[1].Value : destination).ToLowerInvariant();
        if (mode == IsolationMode.AllowOnlyApprovedOutbound && OutboundRules.StorageReached(host) is { } storage)
        {
            throw ArmErrors.Validation(
                $"FQDN rule '{name}' targets Azure Storage ({storage.Reason}); use a PrivateEndpoint rule to reach storage accounts.",
                $"{name}.destination");
        }

        rule["destination"] = destination;
        return rule;
    }

    private static JsonObject PrivateEndpoint(EmulatorState state, WorkspaceRecord owner, string name, JsonObject rule)
    {
        if (rule["destination"] is not JsonObject d || d.Str("serviceResourceId") is not { } targetId)
        {
            throw ArmErrors.Validation($"PrivateEndpoint rule '{name}' needs destination.serviceResourceId.", $"{name}.destination");
        }

        if (!ResourceId.TryParse(targetId, out var parsed) || parsed.ResourceType is null || parsed.Names.Count != 1)
        {
            throw ArmErrors.Validation($"PrivateEndpoint rule '{name}': '{targetId}' is not a resource id.",
                $"{name}.destination.serviceResourceId");
        }

        var target = PrivateEndpointTargets.Find(parsed.ResourceType)
            ?? throw ArmErrors.Validation(
                $"Private endpoint target type '{parsed.ResourceType}' is not supported by the managed network. Supported types: {PrivateEndpointTargets.SupportedTargetTypeList()}.",
                $"{name}.destination.serviceResourceId");
        var given = d.Str("subresourceTarget");
        var sub = target.Subresources.FirstOrDefault(s => s.Equals(given, StringComparison.OrdinalIgnoreCase))
            ?? throw ArmErrors.Validation(
                $"Subresource '{given}' is not valid for {target.ResourceType}. Valid: {string.Join(", ", target.Subresources)}.",
                $"{name}.destination.subresourceTarget");
        var targetTenant = state.TenantOf(parsed.SubscriptionId);
        var ownTenant = state.TenantOf(owner.SubscriptionId);
        if (targetTenant is not null && ownTenant is not null && targetTenant != ownTenant)
        {
            throw ArmErrors.Validation(
                $"Private endpoint target '{targetId}' is in another tenant; targets must be in the workspace's tenant.",
                $"{name}.destination.serviceResourceId");
        }

        var spark = d.Bool("sparkEnabled") == true;
        if (spark && !target.SparkCapable)
        {
            throw ArmErrors.Validation("sparkEnabled is only supported for storage account targets.", $"{name}.destination.sparkEnabled");
        }

        d.Remove("sparkStatus");
        d["subresourceTarget"] = sub;
        d["sparkEnabled"] = spark;
        return rule;
    }

    private static JsonObject ServiceTag(string name, JsonObject rule)
    {
        if (rule["destination"] is not JsonObject d || string.IsNullOrWhiteSpace(d.Str("serviceTag")))
        {
            throw ArmErrors.Validation($"ServiceTag rule '{name}' needs destination.serviceTag.", $"{name}.destination");
        }

        var protocol = OutboundRules.ServiceTagProtocols.FirstOrDefault(p => p.Equals(d.Str("protocol"), StringComparison.OrdinalIgnoreCase))
            ?? throw ArmErrors.Validation(
                $"ServiceTag rule '{name}': protocol must be one of {string.Join(", ", OutboundRules.ServiceTagProtocols)}.",
                $"{name}.destination.protocol");
        var portRanges = d.Str("portRanges")?.Trim();
        if (portRanges is null || !PortRanges().IsMatch(portRanges))
        {
            throw ArmErrors.Validation(
                $"ServiceTag rule '{name}': portRanges must be like '443' or '80,443' or '8000-8010'.", $"{name}.destination.portRanges");
        }

        var action = d.Has("action") ? d.Str("action") : "Allow";
        if (action is not ("Allow" or "Deny"))
        {
            throw ArmErrors.Validation($"ServiceTag rule '{name}': action must be Allow or Deny.", $"{name}.destination.action");
        }

        d.Remove("addressPrefixes");
        d["protocol"] = protocol;
        d["portRanges"] = portRanges;
        d["action"] = action;
        return rule;
    }

    [GeneratedRegex(@"^(.*):(\d+)\z")]
    private static partial Regex HostPort();

    [GeneratedRegex(@"^(\*|\d+(-\d+)?)(,\s*\d+(-\d+)?)*\z")]
    private static partial Regex PortRanges();
}
