namespace Mnet.Core.Planning;

/// <summary>Options for callers inside the product.</summary>
public sealed record PlanOptions
{
    /// <summary>The caller already checked the policy scope (drift evaluation): skip the out-of-scope warning.</summary>
    public bool ScopeChecked { get; init; }

    /// <summary>
    /// Steps that loosen isolation need approval (<see cref="IsolationLoosening"/>). Always true in the product; false
    /// only where a test shows what the check prevents.
    /// </summary>
    public bool LooseningNeedsApproval { get; init; } = true;
}
