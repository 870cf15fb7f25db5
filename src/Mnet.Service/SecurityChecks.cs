namespace Mnet.Service;

/// <summary>
/// The hostile-ticket checks, each a switch so a test can build the service with ONE check reverted and show its
/// attack then succeeds (tests/Mnet.Service.Tests/Security). Production never changes them: the type is internal
/// and <see cref="ServiceContext"/> always starts from <see cref="All"/>.
/// </summary>
internal sealed record SecurityChecks
{
    public static SecurityChecks All { get; } = new();

    /// <summary>(1) No inline policy on a call that writes (inline only for /plan and dry runs).</summary>
    public bool RefuseInlinePolicyOnWrites { get; init; } = true;

    /// <summary>(1) The app policy's scope, exclusions and subscriptions apply whatever policy a request names.</summary>
    public bool AppScopeAlwaysApplies { get; init; } = true;

    /// <summary>(2) Loosening steps (rule removals, public access enabled, new private endpoint targets) need approval.</summary>
    public bool LooseningNeedsApproval { get; init; } = true;

    /// <summary>(3) In Entra mode the requester / approver is the token's principal, not a body field.</summary>
    public bool CallerFromToken { get; init; } = true;

    /// <summary>(3) Nobody approves their own request.</summary>
    public bool RefuseSelfApproval { get; init; } = true;

    /// <summary>(4) An approval names the run id and the plan hash of the question it answers.</summary>
    public bool BindApprovalToPlan { get; init; } = true;

    /// <summary>(4) One decision per question, recorded atomically before the event is raised.</summary>
    public bool OneDecisionPerQuestion { get; init; } = true;
}
