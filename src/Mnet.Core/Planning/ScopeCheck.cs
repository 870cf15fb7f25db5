using System.Runtime.CompilerServices;
using Mnet.Core.Policy;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>Policy scope checks; the matcher is compiled once per policy scope object and reused.</summary>
public static class ScopeCheck
{
    /// <summary>The code of an out-of-scope warning (a plan asked for by hand) or refusal (an onboarding).</summary>
    public const string OutOfScopeCode = "out-of-scope";

    private static readonly ConditionalWeakTable<PolicyScope, ScopeMatcher> Compiled = new();

    /// <summary>The compiled matcher of a policy's scope (cached per scope object).</summary>
    public static ScopeMatcher MatcherFor(Policy.Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Compiled.GetValue(policy.Scope, scope => new ScopeMatcher(scope));
    }

    public static ScopeVerdict IsInScope(Policy.Policy policy, Workspace workspace) => MatcherFor(policy).Check(workspace);

    /// <summary>
    /// The part of the scope decidable from a workspace id alone (before the workspace is read): InScope false is
    /// final; true means "may be inside" (kind and tags are not known yet).
    /// </summary>
    public static ScopeVerdict IsInScopeById(Policy.Policy policy, string resourceId) => MatcherFor(policy).CheckId(resourceId);
}
