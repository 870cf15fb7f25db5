using Mnet.Core.Catalog;
using Mnet.Core.Policy;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>Converting policy rules to the ARM rule shape, and comparing destinations the way the service does.</summary>
public static class ArmRules
{
    /// <summary>The ARM body of a user-defined rule (the service fills status and, for service tags, addressPrefixes).</summary>
    public static OutboundRule ToArmRule(PolicyOutboundRule rule) => rule switch
    {
        PolicyFqdnRule fqdn => new FqdnOutboundRule
        {
            Category = OutboundRules.ProductOwnedRuleCategory,
            Destination = fqdn.Destination,
        },
        PolicyServiceTagRule tag => new ServiceTagOutboundRule
        {
            Category = OutboundRules.ProductOwnedRuleCategory,
            Destination = new ServiceTagDestination
            {
                ServiceTag = tag.Destination.ServiceTag,
                Protocol = tag.Destination.Protocol,
                PortRanges = tag.Destination.PortRanges,
                Action = "Allow",
            },
        },
        PolicyPrivateEndpointRule pe => new PrivateEndpointOutboundRule
        {
            Category = OutboundRules.ProductOwnedRuleCategory,
            Destination = new PrivateEndpointDestination
            {
                ServiceResourceId = pe.Destination.ServiceResourceId,
                SubresourceTarget = pe.Destination.SubresourceTarget,
                SparkEnabled = pe.Destination.SparkEnabled,
            },
        },
        _ => throw new ArgumentException($"Unknown policy rule type {rule.GetType().Name} (rule \"{rule.Name}\").", nameof(rule)),
    };

    /// <summary><c>storageAccounts/sttrainingdata</c>: enough to recognise the target in a sentence (params keep the full id).</summary>
    public static string ShortResourceName(string id)
    {
        var parsed = ResourceIdCache.TryParse(id);
        if (parsed?.ResourceType is null || parsed.Name is null) return id;
        return $"{parsed.Types[^1]}/{parsed.Name}";
    }

    /// <summary>One line describing a rule's destination ("(none)" when a rule read from ARM has none).</summary>
    public static string DescribeDestination(OutboundRule rule) => rule switch
    {
        FqdnOutboundRule { Destination: { } host } => host,
        ServiceTagOutboundRule { Destination: { } tag } => ServiceTagText(tag),
        PrivateEndpointOutboundRule { Destination: { } pe } => PrivateEndpointText(pe),
        UnknownOutboundRule unknown when unknown.Extra?.TryGetValue("destination", out var raw) == true => raw.GetRawText(),
        _ => "(none)",
    };

    /// <summary>
    /// True iff the service would treat the two rules as the same: host names, resource ids, tags and protocols without
    /// case, port lists as sets, read-only fields ignored. Allocation-free in the common case (a drift scan compares
    /// every rule of every workspace).
    /// </summary>
    public static bool SameRule(OutboundRule actual, OutboundRule desired)
    {
        if (!string.Equals(actual.Type, desired.Type, StringComparison.Ordinal)) return false;
        switch (desired)
        {
            case FqdnOutboundRule d:
                return actual is FqdnOutboundRule a && SameText(a.Destination, d.Destination);
            case ServiceTagOutboundRule d:
            {
                // Rules read from ARM may lack fields the records declare required: compare what is there.
                var have = (actual as ServiceTagOutboundRule)?.Destination;
                var want = d.Destination;
                if (have is null || want is null) return false;
                string? ports = have.PortRanges;
                return SameText(have.ServiceTag, want.ServiceTag)
                    && SameText(have.Protocol, want.Protocol)
                    && SameText(have.Action ?? "Allow", want.Action ?? "Allow")
                    && ports is not null
                    && (ports == want.PortRanges || NormalizePorts(ports) == NormalizePorts(want.PortRanges ?? ""));
            }
            case PrivateEndpointOutboundRule d:
            {
                var have = (actual as PrivateEndpointOutboundRule)?.Destination;
                var want = d.Destination;
                if (have is null || want is null) return false;
                return SameText(have.ServiceResourceId, want.ServiceResourceId)
                    && SameText(have.SubresourceTarget, want.SubresourceTarget)
                    && (have.SparkEnabled == true) == (want.SparkEnabled == true);
            }
            default:
                return false;
        }
    }

    /// <summary>
    /// Differences between an actual and a desired rule, empty exactly when <see cref="SameRule"/> holds (derived from
    /// it): the type when that differs, otherwise the destination as read -> as wanted.
    /// </summary>
    public static IReadOnlyList<string> RuleDifferences(OutboundRule actual, OutboundRule desired)
    {
        if (SameRule(actual, desired)) return [];
        if (actual.Type != desired.Type) return [$"type: {actual.Type} -> {desired.Type}"];
        return [$"destination: {DescribeDestination(actual)} -> {DescribeDestination(desired)}"];
    }

    /// <summary>Case-insensitive equality; null equals only null.</summary>
    private static bool SameText(string? actual, string? desired) =>
        actual is null || desired is null ? actual == desired : string.Equals(actual, desired, StringComparison.OrdinalIgnoreCase);

    /// <summary>"443, 80" and "80,443" are the same port set.</summary>
    private static string NormalizePorts(string ports) =>
        string.Join(',', ports.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).Order(StringComparer.Ordinal));

    private static string ServiceTagText(ServiceTagDestination d) =>
        $"{d.ServiceTag} {d.Protocol} {d.PortRanges}{(d.Action is not null && d.Action != "Allow" ? $" {d.Action}" : "")}";

    private static string PrivateEndpointText(PrivateEndpointDestination d) =>
        $"{ShortResourceName(d.ServiceResourceId)} ({d.SubresourceTarget}{(d.SparkEnabled == true ? ", spark" : "")})";
}
