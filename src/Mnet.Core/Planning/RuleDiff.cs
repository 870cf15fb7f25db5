using System.Text.Json;
using Mnet.Core.Catalog;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// Desired user rules (policy + rule packs) against the workspace's rules, by name. Only user-defined rules are the
/// product's: Required / Recommended / Dependency rules belong to the service and are never touched. One pass over
/// the workspace's rules, one over the desired ones (a drift scan runs this per workspace).
/// </summary>
internal static class RuleDiff
{
    private const string Deleting = "Deleting";
    private const string Failed = "Failed";

    public static RuleDiffResult Diff(RuleDiffInput input)
    {
        var output = new RuleDiffResult();
        // Guards: a validated policy never trips these, but a plan must never ask the service for something it refuses.
        var refused = input.Desired.Refused ?? input.Desired.RefusalFor(input.DesiredMode);
        if (refused is not null)
        {
            output.Refused = refused;
            return output;
        }

        var matched = new Dictionary<string, (string Name, OutboundRule Rule)>(StringComparer.Ordinal);
        var stale = new List<(string Name, OutboundRule Rule)>();
        var hasFqdnRule = false;
        foreach (var (name, rule) in input.Actual)
        {
            if (rule.Type == OutboundRuleTypes.Fqdn && rule.Status != Deleting) hasFqdnRule = true;
            var key = name.ToLowerInvariant();
            if (input.Desired.ByKey.ContainsKey(key)) matched[key] = (name, rule);
            else if (rule.Category == OutboundRules.ProductOwnedRuleCategory && rule.Status != Deleting) stale.Add((name, rule));
        }

        var replaced = new List<PlanStep>();
        var adds = new List<PlanStep>();
        var updates = new List<PlanStep>();

        void Add(DesiredRule want, string reason)
        {
            var first = want.Rule.Type == OutboundRuleTypes.Fqdn && !hasFqdnRule && !output.AddsFirstFqdnRule;
            if (first) output.AddsFirstFqdnRule = true;
            if (want.Rule is PrivateEndpointOutboundRule pe) output.NewPrivateEndpoints.Add(pe.Destination);
            var id = StepKinds.StepId(StepKind.AddRule, want.Name);
            adds.Add(new AddRuleStep
            {
                Id = id,
                Target = want.Name,
                Reason = reason,
                Flags = StepFlags.Of(costly: first),
                Params = new AddRuleParams(want.Name, want.Rule, first),
            });
            if (first)
            {
                output.Warnings.Add(new PlanWarning(
                    "firewall-cost",
                    $"\"{want.Name}\" is the workspace's first FQDN rule: the service creates an Azure Firewall ({input.FirewallSku} SKU), " +
                    $"which is charged separately and adds about {Provisioning.FirstFqdnRuleMinutes} minutes to provisioning.")
                {
                    StepId = id,
                });
            }
        }

        foreach (var want in input.Desired.Rules)
        {
            if (!matched.TryGetValue(want.Key, out var have))
            {
                Add(want, want.AddReason);
                continue;
            }
            if (ArmRules.SameRule(have.Rule, want.Rule))
            {
                if (have.Rule.Status == Failed)
                {
                    var detail = ErrorMessage(have.Rule.ErrorInformation);
                    output.Warnings.Add(new PlanWarning(
                        "rule-failed",
                        $"Rule \"{have.Name}\" is in state Failed{(string.IsNullOrEmpty(detail) ? "" : $": {detail}")}."));
                }
                continue;
            }
            if (have.Rule.Category != OutboundRules.ProductOwnedRuleCategory)
            {
                // Same name as a service rule with another destination: never overwrite it; the policy rule cannot exist.
                output.Refused = new PlanRefusal(
                    "rule-name-taken",
                    $"Rule \"{want.Name}\" exists as a {have.Rule.Category ?? "uncategorised"} rule ({ArmRules.DescribeDestination(have.Rule)}) that is not " +
                    $"the product's to change, so the policy's rule ({ArmRules.DescribeDestination(want.Rule)}) cannot be added: rename it in the policy.");
                output.Steps.Clear();
                return output;
            }
            if (have.Rule.Type != want.Rule.Type)
            {
                // A PUT that changes a rule's type is unverified: remove the rule, then add it again (StepOrder keeps that order).
                replaced.Add(RemoveStep(have.Name, have.Rule,
                    $"rule \"{have.Name}\" changes type {have.Rule.Type} -> {want.Rule.Type}: it is removed and added again"));
                Add(want, $"{want.AddReason} (replaces the {have.Rule.Type} rule of the same name)");
                continue;
            }
            if (want.Rule is PrivateEndpointOutboundRule wantPe) output.NewPrivateEndpoints.Add(wantPe.Destination);
            var changes = ArmRules.RuleDifferences(have.Rule, want.Rule);
            updates.Add(new UpdateRuleStep
            {
                Id = StepKinds.StepId(StepKind.UpdateRule, have.Name),
                Target = have.Name,
                Reason = $"rule \"{have.Name}\" differs from the policy ({string.Join("; ", changes)})",
                Flags = StepFlags.None,
                Params = new UpdateRuleParams(have.Name, have.Rule, want.Rule, changes),
            });
        }

        var removes = stale
            .OrderBy(s => s.Name.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(s => RemoveStep(s.Name, s.Rule,
                $"user-defined rule \"{s.Name}\" ({ArmRules.DescribeDestination(s.Rule)}) is not in the policy"));

        output.Steps.AddRange(replaced);
        output.Steps.AddRange(adds);
        output.Steps.AddRange(updates);
        output.Steps.AddRange(removes);
        return output;
    }

    /// <summary>errorInformation is a string in the REST spec; an object read instead is kept as JSON: use its message.</summary>
    private static string? ErrorMessage(string? errorInformation)
    {
        if (string.IsNullOrEmpty(errorInformation) || !errorInformation.TrimStart().StartsWith('{')) return errorInformation;
        try
        {
            using var document = JsonDocument.Parse(errorInformation);
            return document.RootElement.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
                ? message.GetString()
                : null;
        }
        catch (JsonException)
        {
            return errorInformation;
        }
    }

    private static RemoveRuleStep RemoveStep(string name, OutboundRule rule, string reason) => new()
    {
        Id = StepKinds.StepId(StepKind.RemoveRule, name),
        Target = name,
        Reason = reason,
        // Workloads that relied on the destination lose it.
        Flags = StepFlags.Of(disruptive: true),
        Params = new RemoveRuleParams(name, rule),
    };
}
