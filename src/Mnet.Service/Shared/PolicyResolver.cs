using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Mnet.Core.Policy;
using Mnet.Service.Bodies;
using Mnet.Service.Errors;
using Mnet.Service.Logging;
using Mnet.Service.Ports;

namespace Mnet.Service.Shared;

/// <summary>
/// Resolves a request's <c>policy</c>: absent -> the app's; a string -> a named policy of the operator's folder; an
/// object -> an inline policy, validated like a file and accepted only where nothing is written (security fix 1).
/// </summary>
internal sealed class PolicyResolver(ServiceContext context)
{
    /// <summary>The resolved policy, or null with its problems added (paths under <c>policy</c>).</summary>
    /// <param name="inlineAllowed">/plan and dry runs only.</param>
    public async Task<ResolvedPolicy?> ResolveAsync(
        JsonNode? reference, bool inlineAllowed, List<FieldProblem> problems, ILogger log, CancellationToken cancellationToken)
    {
        // A wrongly typed `policy` was already reported by the body parser.
        if (problems.Any(p => p.Path == "policy")) return null;
        if (reference is null) return new ResolvedPolicy(await AppPolicyAsync(log, cancellationToken), false, true);
        if (reference is JsonObject inline)
        {
            if (!inlineAllowed && context.Checks.RefuseInlinePolicyOnWrites)
            {
                problems.Add(new FieldProblem("policy",
                    "an inline policy is accepted by /plan and dry runs only; name one of the operator's policies or omit it for the app's policy",
                    BodyRules.InlinePolicy));
                return null;
            }

            var result = PolicyLoader.Validate(inline, "inline");
            if (result.Ok) return new ResolvedPolicy(result.Policy!, true, false);
            problems.AddRange(result.Problems.Select(p => Under("policy", p)));
            return null;
        }

        if (reference.GetValueKind() != JsonValueKind.String) return null;
        var named = await context.Policies.ResolveNamedAsync(reference.GetValue<string>(), cancellationToken);
        if (named.Ok) return new ResolvedPolicy(named.Policy!, false, false);
        problems.AddRange(named.Problems);
        return null;
    }

    /// <summary>The app's own policy; a broken or missing file is the operator's problem: 503, details in the logs.</summary>
    public async Task<Core.Policy.Policy> AppPolicyAsync(ILogger log, CancellationToken cancellationToken)
    {
        try
        {
            return await context.Policies.GetAppPolicyAsync(cancellationToken);
        }
        catch (PolicyUnavailableException e)
        {
            log.Error("policy.unavailable", ("error", ServiceLog.Summary(e)));
            throw new ServiceException(ServiceErrorKind.Unavailable, "Policy unavailable",
                "The app's policy (MNET_POLICY_PATH) cannot be loaded; the operators have been told through the logs.");
        }
    }

    static FieldProblem Under(string prefix, PolicyProblem p) =>
        new(p.Path.Length == 0 ? prefix : $"{prefix}.{p.Path}", p.Message, p.Rule);
}
