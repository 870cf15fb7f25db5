using System.Text.RegularExpressions;
using Mnet.Core.Catalog;
using Mnet.Core.Policy.Rules;
using Mnet.Core.Policy.Schema;
using Mnet.Core.Policy.Syntax;

namespace Mnet.Core.Policy.Validation;

/// <summary>
/// Validates a policy document: shape first, then every semantic rule on the parts that passed, all problems at once.
/// </summary>
internal static partial class PolicyValidator
{
    private static readonly PolicyCheck[] Checks =
    [
        ScopeCheck.Check,
        ModeCheck.Check,
        RuleNameCheck.Check,
        FqdnCheck.Check,
        ServiceTagCheck.Check,
        PrivateEndpointCheck.Check,
        RulePackCheck.Check,
        ProvisioningCheck.Check,
        ApproverRoleCheck.Check,
        ImageBuildComputeCheck.Check,
    ];

    /// <param name="source">File name (or label) for problems and the default policy name.</param>
    /// <param name="withPositions">Give every problem a line and column (parsed text).</param>
    public static PolicyLoadResult Validate(PolicyNode? raw, string? source, bool withPositions)
    {
        var sink = new ProblemSink();
        if (raw is not PolicyMapping mapping)
        {
            var got = raw switch
            {
                null or PolicyScalar { IsNull: true } => "an empty document",
                PolicySequence => "a list",
                PolicyScalar { Value: string } => "a string",
                PolicyScalar { Value: double } => "a number",
                _ => "a boolean",
            };
            sink.Error([], PolicyRuleIds.PolicyNotMapping,
                $"a policy must be a mapping with scope and managed_network, got {got}");
            return new PolicyLoadResult { Problems = Finish(sink, raw, source, withPositions) };
        }
        var view = PolicyShape.Read(mapping, sink);
        foreach (var check in Checks)
        {
            check(view, sink);
        }
        var all = Finish(sink, raw, source, withPositions);
        var problems = all.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        var warnings = all.Where(p => p.Severity == ProblemSeverity.Warning).ToList();
        if (problems.Count > 0 || !view.ShapeValid)
        {
            return new PolicyLoadResult { Problems = problems, Warnings = warnings };
        }
        return new PolicyLoadResult { Policy = ToPolicy(view, NameFromSource(source)), Warnings = warnings };
    }

    private static List<PolicyProblem> Finish(ProblemSink sink, PolicyNode? raw, string? source, bool withPositions)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var output = new List<PolicyProblem>();
        foreach (var draft in sink.Drafts)
        {
            var path = ProblemPaths.Format(draft.At, raw);
            if (!seen.Add($"{draft.Severity}|{draft.Rule}|{path}|{draft.Message}")) continue;
            var position = withPositions
                ? SourceLocator.Locate(raw, draft.PointAt ?? draft.At, draft.AtKey) ?? new SourcePosition(1, 1)
                : (SourcePosition?)null;
            output.Add(new PolicyProblem(path, draft.Message, draft.Rule)
            {
                Severity = draft.Severity,
                Source = source,
                Line = position?.Line,
                Column = position?.Column,
            });
        }
        // Reading order when positions are known; otherwise the order the rules ran in (OrderBy is stable).
        return [.. output.OrderBy(p => p.Line ?? 0).ThenBy(p => p.Column ?? 0)];
    }

    /// <summary><c>policies/prod.yaml</c> gives <c>prod</c>; no source gives <c>policy</c>.</summary>
    internal static string NameFromSource(string? source)
    {
        if (string.IsNullOrEmpty(source)) return "policy";
        var name = source.Split('/', '\\')[^1];
        var stem = PolicyExtension().Replace(name, "");
        return stem.Length > 0 ? stem : name;
    }

    /// <summary>The final policy (rule <c>category</c> dropped: it is not part of the model).</summary>
    private static Policy ToPolicy(PolicyView view, string defaultName) => new()
    {
        Name = view.Name ?? defaultName,
        Scope = view.Scope!,
        ManagedNetwork = new PolicyManagedNetwork
        {
            IsolationMode = view.Mode!.Value,
            FirewallSku = view.FirewallSku,
            OutboundRules = [.. view.Rules.Select(r => WithoutFqdnPort(r.Rule))],
        },
        RulePacks = view.RulePacks!,
        RulePackOptions = view.RulePackOptions!,
        Provisioning = view.Provisioning!,
        ComputeMigration = view.ComputeMigration!,
        ApproverRoles = view.ApproverRoles!,
        PublicNetworkAccess = view.PublicNetworkAccess,
        ImageBuildCompute = view.ImageBuildCompute,
        Drift = view.Drift!,
    };

    /// <summary>
    /// FQDN rules have no port in ARM: the firewall allows 80 and 443 for every FQDN. A written <c>:80</c> or
    /// <c>:443</c> (checked by fqdn-ports) is dropped so the model holds the destination the service stores.
    /// </summary>
    private static PolicyOutboundRule WithoutFqdnPort(PolicyOutboundRule rule)
    {
        if (rule is not PolicyFqdnRule fqdn) return rule;
        var m = FqdnWithPort().Match(fqdn.Destination);
        if (!m.Success || !int.TryParse(m.Groups[2].Value, out var port)
            || !OutboundRules.FqdnAllowedPorts.Contains(port))
        {
            return rule;
        }
        return fqdn with { Destination = m.Groups[1].Value };
    }

    [GeneratedRegex(@"\.(ya?ml|json)\z", RegexOptions.IgnoreCase)]
    private static partial Regex PolicyExtension();

    [GeneratedRegex(@"^(.*):([0-9]+)\z")]
    private static partial Regex FqdnWithPort();
}
