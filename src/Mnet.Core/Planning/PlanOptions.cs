namespace Mnet.Core.Planning;

/// <summary>Options for callers inside the product.</summary>
public sealed record PlanOptions
{
    /// <summary>The caller already checked the policy scope (drift evaluation): skip the out-of-scope warning.</summary>
    public bool ScopeChecked { get; init; }
}
