using Mnet.Core.Catalog;
using Mnet.Core.Policy.Validation;

namespace Mnet.Core.Policy.Rules;

/// <summary>
/// FQDN rules: host syntax, ports 80/443, no Azure Storage in approved mode, duplicates. Facts: "Outbound rules".
/// </summary>
internal static class FqdnCheck
{
    public static void Check(PolicyView view, ProblemSink sink)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (index, rule, _) in view.Rules)
        {
            if (rule is not PolicyFqdnRule fqdn) continue;
            var at = RulePath.Of(index);
            var pointAt = RulePath.Of(index, "destination");
            var (parts, error) = FqdnSyntax.Parse(fqdn.Destination);
            if (parts is null)
            {
                sink.Error(at, PolicyRuleIds.FqdnDestinationValid,
                    $"FQDN destination \"{fqdn.Destination}\" is not a valid host name: {error}", pointAt);
                continue;
            }
            var written = parts.Port is null ? fqdn.Destination : fqdn.Destination[..fqdn.Destination.LastIndexOf(':')];
            var storage = OutboundRules.StorageReached(written);
            if (parts.TrailingDot && !(storage is not null && view.IsApproved))
            {
                sink.Error(at, PolicyRuleIds.FqdnDestinationValid,
                    $"FQDN destination \"{fqdn.Destination}\" is not a valid host name: write it without the " +
                    $"trailing dot (\"{written.TrimEnd('.')}\")",
                    pointAt);
                continue;
            }
            if (parts.Port is { } port && !OutboundRules.FqdnAllowedPorts.Contains(port))
            {
                sink.Error(at, PolicyRuleIds.FqdnPorts,
                    $"FQDN rules support ports {string.Join(" and ", OutboundRules.FqdnAllowedPorts)} only (got " +
                    $"{port})", pointAt);
            }
            if (storage is not null && view.IsApproved)
            {
                sink.Error(at, PolicyRuleIds.FqdnStorageInApprovedMode,
                    $"\"{fqdn.Destination}\" reaches Azure Storage (*{storage.Suffix}): {storage.Reason}; in " +
                    "allow_only_approved_outbound an FQDN rule cannot be used for storage accounts; add a " +
                    "private_endpoint rule to the storage account instead",
                    pointAt);
            }
            // The port is dropped from the model (80 and 443 are always both open).
            if (seen.TryGetValue(parts.Host, out var first))
            {
                sink.Warn(at, PolicyRuleIds.FqdnDuplicateDestination,
                    $"destination \"{fqdn.Destination}\" is already allowed by " +
                    $"managed_network.outbound_rules[{first}]", pointAt);
            }
            else
            {
                seen[parts.Host] = index;
            }
        }
    }
}
