using System.Text.RegularExpressions;
using Mnet.Core.Catalog;
using Mnet.Core.Policy.Validation;

namespace Mnet.Core.Policy.Rules;

/// <summary>Service-tag rules: tag name, protocol, port ranges, required duplicates, tenant-isolation advice.</summary>
internal static partial class ServiceTagCheck
{
    private const string RegionPlaceholder = "{region}";

    public static void Check(PolicyView view, ProblemSink sink)
    {
        foreach (var (index, rule, _) in view.Rules)
        {
            if (rule is not PolicyServiceTagRule { Destination: var d }) continue;
            var at = RulePath.Of(index);
            if (!ServiceTagName().IsMatch(d.ServiceTag))
            {
                sink.Error(at, PolicyRuleIds.ServiceTagName,
                    $"\"{d.ServiceTag}\" is not a service tag name (letters and digits, regional tags like " +
                    "Storage.westeurope)",
                    RulePath.Of(index, "destination", "service_tag"));
            }
            var protocols = OutboundRules.ServiceTagProtocols;
            if (!protocols.Any(p => string.Equals(p, d.Protocol, StringComparison.OrdinalIgnoreCase)))
            {
                sink.Error(at, PolicyRuleIds.ServiceTagProtocol,
                    $"protocol \"{d.Protocol}\" is not supported: use one of " +
                    $"{string.Join(", ", OutboundRules.ServiceTagProtocols)}",
                    RulePath.Of(index, "destination", "protocol"));
            }
            if (PortRanges.Problem(d.PortRanges) is { } portProblem)
            {
                sink.Error(at, PolicyRuleIds.ServiceTagPortRanges, $"port_ranges \"{d.PortRanges}\": {portProblem}",
                    RulePath.Of(index, "destination", "port_ranges"));
            }
            if (RequiredTagMatching(d.ServiceTag) is { } required)
            {
                sink.Warn(at, PolicyRuleIds.ServiceTagRequiredDuplicate,
                    $"the service already adds an outbound {required} rule itself (category Required); this rule is " +
                    "redundant");
            }
            sink.Warn(at, PolicyRuleIds.ServiceTagTenantIsolation,
                $"service tag {d.ServiceTag} allows the whole service for every tenant: on its own it is not " +
                "sufficient for tenant isolation; prefer a private endpoint where one exists");
        }
    }

    /// <summary>A required tag such as <c>BatchNodeManagement.{region}</c> matches any region.</summary>
    private static string? RequiredTagMatching(string tag) =>
        RequiredRules.RequiredOutboundServiceTags.FirstOrDefault(required =>
            required.EndsWith("." + RegionPlaceholder, StringComparison.OrdinalIgnoreCase)
                ? tag.StartsWith(required[..^RegionPlaceholder.Length], StringComparison.OrdinalIgnoreCase)
                : string.Equals(required, tag, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*\z")]
    private static partial Regex ServiceTagName();
}
