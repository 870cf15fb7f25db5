using Mnet.Core.Planning;
using Mnet.Core.Resources;

namespace Mnet.Core.Posture.Readiness;

/// <summary>
/// What moving the workspace to the managed network takes (seed 001): the computes to delete and recreate, what
/// becomes of each private endpoint, the outbound rules to paste into a policy, and the policy that would carry the
/// move out. The existing migration plan (Mnet.Core.Planning) then does it.
/// </summary>
public sealed record PostureReadiness
{
    public required IsolationMode TargetIsolationMode { get; init; }

    /// <summary>Managed computes: deleted before the managed network is enabled, recreated in it afterwards.</summary>
    public IReadOnlyList<ComputeRecreation> ComputesToRecreate { get; init; } = [];

    /// <summary>Managed online endpoints, recreated as well (names).</summary>
    public IReadOnlyList<string> OnlineEndpointsToRecreate { get; init; } = [];

    /// <summary>Computes the managed network does not support (Kubernetes, attached VMs, clusters in another region).</summary>
    public IReadOnlyList<ComputeLeftInPlace> UnsupportedComputes { get; init; } = [];

    /// <summary>Attached services (Databricks, HDInsight, ...): left alone.</summary>
    public IReadOnlyList<ComputeLeftInPlace> UntouchedComputes { get; init; } = [];

    /// <summary>Each private endpoint connection of the workspace's VNets and dependencies, and what it becomes.</summary>
    public IReadOnlyList<PrivateEndpointMove> PrivateEndpoints { get; init; } = [];

    /// <summary>The user-defined outbound rules to add, in the policy's shape (paste under managed_network.outbound_rules).</summary>
    public IReadOnlyList<PolicyRuleSnippet> OutboundRules { get; init; } = [];

    /// <summary>A policy that would govern this workspace through the move (valid on its own; merge into yours).</summary>
    public required PolicyFragment Policy { get; init; }

    /// <summary>Things to know before moving (one sentence each).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
