using Mnet.Core.Posture;
using Mnet.Core.Posture.Readiness;

namespace Mnet.Core.Drift;

/// <summary>Builds the drift report's posture section from posture inputs read without computes. Pure.</summary>
public static class DriftPostureBuilder
{
    /// <summary>
    /// Findings that need the workspace's computes: without them they would be missing (compute checks) or wrong
    /// (an image build compute that is "not a cluster of the workspace" only because no compute was read).
    /// </summary>
    public static IReadOnlySet<string> ComputeDependentCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        PostureCodes.ComputeNotInVnet,
        PostureCodes.ComputeSubnetNotFound,
        PostureCodes.ComputeSubnetOtherSubscription,
        PostureCodes.ComputeInstanceOtherRegion,
        PostureCodes.ComputeClusterOtherRegion,
        PostureCodes.ComputePublicIp,
        PostureCodes.ImageBuildComputeInvalid,
    };

    /// <summary>One summary per audited workspace (workspaces with a managed network are left out), in input order.</summary>
    public static DriftPosture Build(IReadOnlyList<PostureInput> inputs, PostureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var summaries = new List<WorkspacePostureSummary>();
        foreach (var input in inputs)
        {
            var report = PostureAuditor.Audit(input with { Computes = [], OnlineEndpoints = [] }, options);
            if (!report.Audited) continue;
            summaries.Add(Summarize(report));
        }

        return new DriftPosture { Workspaces = summaries };
    }

    /// <summary>The section when the reads failed: the drift report is still saved.</summary>
    public static DriftPosture Unavailable(string reason) => new() { Unavailable = reason };

    private static WorkspacePostureSummary Summarize(PostureReport report)
    {
        var findings = report.Findings.Where(f => !ComputeDependentCodes.Contains(f.Code)).ToList();
        int Count(PostureSeverity s) => findings.Count(f => f.Severity == s);
        var moves = report.Readiness?.PrivateEndpoints ?? [];
        int outbound = moves.Count(m => m.Kind == PrivateEndpointMoveKind.OutboundRule);
        int required = moves.Count(m => m.Kind == PrivateEndpointMoveKind.RequiredRule);
        int notSupported = moves.Count(m => m.Kind == PrivateEndpointMoveKind.NotSupported);
        var readiness = $"{moves.Count} private endpoint connection(s): {outbound} to outbound rules, {required} to Required rules, " +
            $"{notSupported} without equivalent; computes not read (mnet audit lists those to recreate)";
        return new WorkspacePostureSummary(
            report.WorkspaceId, report.WorkspaceName,
            Count(PostureSeverity.High), Count(PostureSeverity.Medium), Count(PostureSeverity.Low), Count(PostureSeverity.Info),
            [.. findings.Select(f => f.Code).Distinct(StringComparer.Ordinal)],
            moves.Count, outbound, notSupported, readiness);
    }
}
