using Microsoft.DurableTask;
using Mnet.Workflows.Activities.Drift;
using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Orchestrators;

/// <summary>
/// driftScan (a singleton per policy): one activity queries every workspace in scope, evaluates them and saves the
/// report, returning only counts and the report's id (the report never travels through history). When the policy
/// says remediate (and this is no dry run), further activities start an independent onboarding per drifted
/// workspace, at most max_workspaces_per_run, through the durable client, and the scan ends without waiting for them:
/// an onboarding waiting days for approval never blocks the next scan. Long remediations continue as new.
/// </summary>
public static class DriftScan
{
    /// <summary>Onboardings one activity starts.</summary>
    public const int RemediationBatch = 10;

    /// <summary>Remediation batches per history before continuing as new.</summary>
    public const int BatchesPerGeneration = 20;

    public static async Task<DriftScanOutput> RunAsync(TaskOrchestrationContext context, DriftScanInput input)
    {
        var timings = input.Timings ?? WorkflowTimings.Production;
        var policy = input.Policy;
        var board = new StatusBoard(context, null, input.Request.TicketId, OrchestrationPhase.Scanning);
        var progress = input.Progress;
        if (progress is null)
        {
            DriftScanSummary summary;
            try
            {
                summary = await context.CallWorkflowActivityAsync<DriftScanSummary>(WorkflowNames.ScanDrift,
                    new ScanDriftInput(policy, input.Subscriptions, board.Now, context.InstanceId, input.DryRun), timings);
            }
            catch (TaskFailedException e)
            {
                var f = Failures.Describe(e);
                board.Phase(OrchestrationPhase.Failed, message: $"the drift scan failed: {f.Message}");
                throw Failures.Orchestration("DriftScanFailed", $"the drift scan failed ({f.Code}: {f.Message}); no report was saved");
            }

            progress = new DriftScanProgress(summary, 0, []);
        }

        var s = progress.Summary;
        var started = progress.Started.ToList();
        int offset = progress.NextOffset;
        int batches = 0;
        while (offset < s.RemediationTargets)
        {
            int count = Math.Min(RemediationBatch, s.RemediationTargets - offset);
            board.Phase(OrchestrationPhase.Applying, message: $"starting onboardings {offset + 1}-{offset + count} of {s.RemediationTargets} drifted workspace(s)");
            var batch = await context.CallWorkflowActivityAsync<IReadOnlyList<DriftRemediation>>(WorkflowNames.StartRemediation,
                new StartRemediationInput(s.ReportKey, offset, count, policy, input.Subscriptions, context.InstanceId, input.Request.RequestedBy, input.Timings),
                timings);
            started.AddRange(batch);
            offset += count;
            if (++batches >= BatchesPerGeneration && offset < s.RemediationTargets)
            {
                context.ContinueAsNew(input with { Progress = new DriftScanProgress(s, offset, started) });
                return null!;
            }
        }

        int deferred = s.RemediationTargets > 0 ? s.Drifted - s.RemediationTargets : 0;
        board.Phase(OrchestrationPhase.Completed, message: s.RemediationTargets == 0
            ? $"{s.Drifted} drifted of {s.InScope} in scope; report {s.ReportKey}"
            : $"{s.Drifted} drifted; {started.Count(r => r.Status != RemediationStatus.Failed)} onboarding(s) started or running" +
              (deferred > 0 ? $", {deferred} left for the next scan" : "") + $"; report {s.ReportKey}");
        return new DriftScanOutput
        {
            PolicyName = policy.Name,
            ReportKey = s.ReportKey,
            Scanned = s.Scanned,
            InScope = s.InScope,
            Compliant = s.Compliant,
            Drifted = s.Drifted,
            Refused = s.Refused,
            Remediation = started,
            RemediationDeferred = deferred,
        };
    }
}
