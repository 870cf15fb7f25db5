using Mnet.Core.Planning;
using Mnet.Core.Posture.Checks;
using Mnet.Core.Posture.Readiness;
using Mnet.Core.Resources;

namespace Mnet.Core.Posture;

/// <summary>
/// The posture audit of a workspace without a managed network, secured (or not) with a VNet the customer manages:
/// findings against the documented requirements (Mnet.Core.Catalog.CustomVnetFacts, codes in
/// <see cref="PostureCodes"/>) and the readiness to move to the managed network (ManagedNetworkMoveFacts). Pure.
/// </summary>
public static class PostureAuditor
{
    private static readonly Action<PostureContext, ICollection<PostureFinding>>[] Checks =
    [
        WorkspaceAccessCheck.Run,
        DependencyCheck.Run,
        ComputeCheck.Run,
        ImageBuildCheck.Run,
        MonitoringCheck.Run,
    ];

    /// <summary>
    /// Audits one workspace. A workspace that already has a managed network is not audited (the report says why);
    /// the drift evaluator judges those.
    /// </summary>
    /// <exception cref="ResourceIdException">The workspace id is not a valid ARM id.</exception>
    public static PostureReport Audit(PostureInput input, PostureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new PostureOptions();
        var workspace = input.Workspace;
        var mode = WorkspaceFacts.ActualIsolationMode(workspace);
        var report = new PostureReport
        {
            WorkspaceId = workspace.Id,
            WorkspaceName = workspace.Name,
            Location = workspace.Location,
            IsolationMode = mode,
        };
        if (WorkspaceFacts.IsManaged(mode))
        {
            return report with { NotAudited = $"it already has a managed network ({mode})" };
        }
        var ctx = new PostureContext(input);
        var findings = new List<PostureFinding>();
        foreach (var check in Checks) check(ctx, findings);
        return report with
        {
            VirtualNetworks = [.. ctx.WorkspaceVnets.Order(StringComparer.OrdinalIgnoreCase)],
            Findings = Order(findings),
            Readiness = ReadinessBuilder.Build(ctx, options),
        };
    }

    /// <summary>Most severe first; then in rule order, then by resource.</summary>
    private static List<PostureFinding> Order(List<PostureFinding> findings)
    {
        var rank = PostureRules.All.Select((r, i) => (r.Code, i)).ToDictionary(p => p.Code, p => p.i);
        return
        [
            .. findings
                .OrderByDescending(f => f.Severity)
                .ThenBy(f => rank[f.Code])
                .ThenBy(f => f.ResourceId, StringComparer.OrdinalIgnoreCase),
        ];
    }
}
