using Mnet.Core.Catalog;
using Mnet.Core.Policy.Syntax;
using Mnet.Core.Policy.Validation;

namespace Mnet.Core.Policy.Schema;

/// <summary>The <c>managed_network</c> section: exactly the az ml workspace YAML block.</summary>
internal static class ManagedNetworkShape
{
    private static readonly string[] Keys = ["isolation_mode", "firewall_sku", "outbound_rules"];

    public static ManagedNetworkParts Read(ShapeReader reader, PolicyNode? node)
    {
        PathSegment[] path = ["managed_network"];
        var none = new ManagedNetworkParts(null, null, [], 0, true, false);
        if (node is null)
        {
            reader.Missing<bool>(path);
            return none;
        }
        var mapping = reader.Mapping(node, path, Keys);
        if (mapping.Value is not { } network) return none;

        var mode = reader.OneOf(network["isolation_mode"], [.. path, "isolation_mode"], IsolationModes.PolicyNames,
            required: true, rule: PolicyRuleIds.IsolationMode, hint: ArmSpellingHint);
        var sku = ReadFirewallSku(reader, network["firewall_sku"], [.. path, "firewall_sku"]);

        var list = reader.List(network["outbound_rules"], [.. path, "outbound_rules"], nullIsEmpty: true);
        var items = list.Ok ? list.Value : network["outbound_rules"] is PolicySequence s ? s.Items : [];
        var rules = new List<IndexedRule>();
        for (var i = 0; i < items.Count; i++)
        {
            if (OutboundRuleShape.Read(reader, items[i], i) is { } rule) rules.Add(rule);
        }
        var rulesComplete = list.Ok && rules.Count == items.Count;

        return new ManagedNetworkParts(
            mode.Ok && IsolationModes.TryFromPolicyName(mode.Value, out var m) ? m : null,
            sku.Ok ? sku.Value : null,
            rules,
            items.Count,
            rulesComplete,
            mapping.Ok && mode.Ok && sku.Ok && rulesComplete);
    }

    /// <summary>Any case, so the ARM spelling (<c>Basic</c>) pasted from a portal export loads too.</summary>
    private static ShapeResult<string?> ReadFirewallSku(ShapeReader reader, PolicyNode? node, PathSegment[] path)
    {
        if (node is null) return ShapeResult<string?>.Valid(null);
        if (node is not PolicyScalar { Value: string written })
        {
            reader.WrongType(path, "a string", node);
            return ShapeResult<string?>.Invalid;
        }
        var names = OutboundRules.FirewallSkus.Select(s => s.PolicyName).ToList();
        var lower = written.ToLowerInvariant();
        if (names.Contains(lower)) return ShapeResult<string?>.Valid(lower);
        reader.NotAllowed(path, node, names, PolicyRuleIds.FirewallSku, PremiumHint);
        return ShapeResult<string?>.Invalid;
    }

    private static string PremiumHint(string written) =>
        written.Equals("premium", StringComparison.OrdinalIgnoreCase)
            ? " (Premium is not supported by the managed network, so URL filtering is not available)"
            : "";

    private static string ArmSpellingHint(string written) =>
        IsolationModes.Entries.FirstOrDefault(e =>
            string.Equals(e.Mode.ToString(), written, StringComparison.OrdinalIgnoreCase)) is { } entry
            ? $" (\"{entry.Mode}\" is the ARM spelling; policies use the az ml name \"{entry.PolicyName}\")"
            : "";
}
