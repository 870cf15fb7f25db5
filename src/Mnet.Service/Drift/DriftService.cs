using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Mnet.Service.Errors;
using Mnet.Service.Logging;
using Mnet.Service.Orchestrations;
using Mnet.Service.Shared;
using Mnet.Workflows;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores.Reports;

namespace Mnet.Service.Drift;

/// <summary>
/// The drift timer's logic: one scan per policy under a singleton id, never two at once (a tick while the previous
/// scan is pending or running is skipped). Pending approvals never block it: a scan starts independent onboardings
/// and does not wait for them, so it ends and the next tick starts a new one. GET /drift: the latest report.
/// </summary>
public sealed class DriftService(ServiceContext context)
{
    readonly ILogger log = context.Loggers.CreateLogger("Mnet.Service.Drift");
    readonly PolicyResolver policies = new(context);

    public async Task<DriftScanStart> StartScanAsync(DurableTaskClient durable, bool pastDue = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var policy = await policies.AppPolicyAsync(log, cancellationToken);
        string instanceId = WorkflowInstanceIds.DriftScan(policy.Name);
        var input = new DriftScanInput
        {
            Policy = policy,
            Subscriptions = [.. context.Options.Subscriptions],
            Request = new RequestMetadata(TriggerSource.Timer),
            Timings = context.Options.Timings,
        };
        var result = await new OrchestrationGateway(durable).StartOrGetAsync(WorkflowNames.DriftScan, instanceId, input, cancellationToken);
        if (!result.Started)
        {
            string running = result.Existing?.RuntimeStatus.ToString() ?? "Running";
            log.Warn("drift.skipped", ("instanceId", instanceId), ("policy", policy.Name), ("reason", "previous scan still in progress"),
                ("runtimeStatus", running), ("since", result.Existing?.CreatedAt));
            return new DriftScanStart(instanceId, false, running);
        }

        log.Info("drift.started", ("instanceId", instanceId), ("policy", policy.Name), ("subscriptions", input.Subscriptions.Count), ("pastDue", pastDue));
        return new DriftScanStart(instanceId, true);
    }

    /// <summary>404 ServiceException until a scan has finished.</summary>
    public async Task<StoredDriftReport> LatestAsync(CancellationToken cancellationToken = default) =>
        await context.DriftReports.LatestAsync(cancellationToken)
        ?? throw new ServiceException(ServiceErrorKind.NotFound, "No drift report yet",
            "No drift scan has finished yet; the timer runs on MNET_DRIFT_SCHEDULE.");
}
