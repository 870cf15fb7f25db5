using System.Text.Json;
using Microsoft.Extensions.Logging;
using Mnet.Arm;
using Mnet.Arm.Errors;
using Mnet.Arm.Posture;
using Mnet.Core.Drift;
using Mnet.Core.Planning;
using Mnet.Core.Posture;
using Mnet.Core.Policy;
using Mnet.Core.Resources;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores;
using Mnet.Workflows.Stores.Reports;

namespace Mnet.Workflows.Activities.Drift;

/// <summary>
/// The whole scan in one activity: one Resource Graph query (paged by the client), the pure evaluation, the report
/// saved. Only counts and the report's id go back to the orchestrator, so its history stays small whatever the
/// number of workspaces. Compliant workspaces cost no per-workspace request at all. Saving under a deterministic id
/// makes a redelivered scan rewrite the same report.
/// </summary>
public sealed class ScanDriftActivity(IArmClient arm, IDocumentStore documents, WorkflowSettings settings, ILogger<ScanDriftActivity> log)
    : IWorkflowActivity<ScanDriftInput, DriftScanSummary>
{
    public async Task<DriftScanSummary> RunAsync(ScanDriftInput input)
    {
        var subscriptions = DriftScopes.ScanSubscriptions(input.Subscriptions, input.Policy.Scope.Subscriptions);
        IReadOnlyList<Workspace> workspaces = [];
        if (subscriptions.Count > 0)
        {
            var rows = await arm.QueryResourceGraphAsync<JsonElement>(WorkspaceQuery.Text, [.. subscriptions]);
            workspaces = rows.Select(WorkspaceQuery.ToWorkspace).OfType<Workspace>().ToList();
        }

        var report = DriftEvaluator.Evaluate(input.Policy, workspaces, new DriftContext
        {
            Now = input.Now,
            GeneratedAt = input.Now,
            SubscriptionsInScope = input.Subscriptions,
            TenantId = settings.TenantId,
            CustomApproverRoles = settings.CustomApproverRoles,
        });
        report = report with { Posture = await PostureAsync(report, workspaces, input.Policy) };
        var stored = await new DriftReportStore(documents).SaveAsync(report, input.Now, input.InstanceId, input.DryRun);
        log.LogInformation("drift report saved: {ReportId} ({Summary})", stored.Id, report.Summarize());
        bool remediates = input.Policy.Drift.Mode == DriftMode.Remediate && !input.DryRun;
        int targets = remediates ? Math.Min(report.Drifted.Count, Math.Max(0, input.Policy.Drift.MaxWorkspacesPerRun)) : 0;
        return new DriftScanSummary(stored.Id, report.Scanned, report.InScope, report.Compliant, report.Drifted.Count,
            report.Refused.Count, targets);
    }

    /// <summary>
    /// The posture section: the in-scope workspaces without a managed network, audited from Resource Graph alone (a
    /// constant number of queries, no GET). An ARM failure leaves the section unavailable; the scan still reports.
    /// </summary>
    async Task<DriftPosture> PostureAsync(DriftReport report, IReadOnlyList<Workspace> workspaces, Core.Policy.Policy policy)
    {
        var inScope = report.Drifted.Select(d => d.WorkspaceId).Concat(report.Refused.Select(r => r.WorkspaceId))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var candidates = workspaces.Where(w => inScope.Contains(w.Id)).ToList();
        try
        {
            var inputs = await new PostureReader(arm).ReadFromGraphAsync(candidates);
            var options = WorkspaceFacts.IsManaged(policy.ManagedNetwork.IsolationMode)
                ? new PostureOptions { TargetIsolationMode = policy.ManagedNetwork.IsolationMode }
                : new PostureOptions();
            return DriftPostureBuilder.Build(inputs, options);
        }
        catch (ArmException e)
        {
            log.LogWarning("drift posture section unavailable: {Code} {Status}", e.Code, e.Status);
            return DriftPostureBuilder.Unavailable($"Azure Resource Manager could not be read ({e.Code}); the next scan tries again.");
        }
    }
}
