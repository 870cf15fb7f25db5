using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores;
using Mnet.Workflows.Stores.Reports;

namespace Mnet.Workflows.Activities.Drift;

/// <summary>
/// Remediation without waiting: each drifted workspace gets an independent onboarding, started through the durable
/// client under the workspace's deterministic instance id, unless one is already pending or running (then none is
/// started). The scan never waits on them, so an onboarding waiting days for an approval blocks no later scan, and a
/// start over a live instance (dropped by the real host) never hangs anything.
/// </summary>
public sealed class StartRemediationActivity(DurableTaskClient client, IDocumentStore documents, ILogger<StartRemediationActivity> log)
    : IWorkflowActivity<StartRemediationInput, IReadOnlyList<DriftRemediation>>
{
    public async Task<IReadOnlyList<DriftRemediation>> RunAsync(StartRemediationInput input)
    {
        var stored = await new DriftReportStore(documents).GetAsync(input.ReportId)
            ?? throw new InvalidOperationException($"[DriftReportMissing] drift report {input.ReportId} is not in {documents.Location}");
        var output = new List<DriftRemediation>();
        foreach (var drifted in stored.Report.Drifted.Skip(input.Offset).Take(input.Count))
        {
            output.Add(await StartAsync(drifted.WorkspaceId, input));
        }

        return output;
    }

    async Task<DriftRemediation> StartAsync(string workspaceId, StartRemediationInput input)
    {
        string instanceId = WorkflowInstanceIds.ForWorkspace(workspaceId);
        try
        {
            var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (WorkflowStarter.IsLive(existing))
            {
                // Started by this very scan run (a redelivered activity; its report id is the onboarding's correlation id), or
                // by someone else (an event, an earlier scan): either way, one is enough.
                return new DriftRemediation(workspaceId, instanceId,
                    StartedBy(existing!, input.ReportId) ? RemediationStatus.Started : RemediationStatus.AlreadyRunning);
            }

            var onboarding = new OnboardWorkspaceInput
            {
                WorkspaceId = workspaceId,
                Policy = input.Policy,
                Subscriptions = input.Subscriptions,
                DryRun = false,
                Request = new RequestMetadata(TriggerSource.Drift, RequestedBy: input.RequestedBy, CorrelationId: input.ReportId),
                Timings = input.Timings,
            };
            var start = await WorkflowStarter.StartOrGetAsync(client, WorkflowNames.OnboardWorkspace, instanceId, onboarding);
            if (start.Started) log.LogInformation("onboarding {InstanceId} started for drifted workspace {WorkspaceId}", instanceId, workspaceId);
            return new DriftRemediation(workspaceId, instanceId, start.Started ? RemediationStatus.Started : RemediationStatus.AlreadyRunning);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The client's refusal types depend on the backend (gRPC AlreadyExists, InvalidOperationException): what
            // counts is the instance's state, read again. Most often an onboarding started between the look and the start.
            var now = await client.GetInstanceAsync(instanceId);
            return WorkflowStarter.IsLive(now)
                ? new DriftRemediation(workspaceId, instanceId, RemediationStatus.AlreadyRunning)
                : new DriftRemediation(workspaceId, instanceId, RemediationStatus.Failed, e.Message);
        }
    }

    static bool StartedBy(OrchestrationMetadata instance, string reportId)
    {
        try
        {
            return instance.ReadInputAs<OnboardWorkspaceInput>()?.Request.CorrelationId == reportId;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
