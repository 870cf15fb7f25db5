using Microsoft.DurableTask.Client;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Reliability;

/// <summary>
/// Drives many onboardings on one engine (TS tests/reliability/support/drive): start them all under their workspaces'
/// instance ids, approve every instance that waits for an approval (once), until each has ended.
/// </summary>
public static class OnboardingDriver
{
    public const string Approver = "reliability@contoso.example";

    public static OnboardWorkspaceInput Input(string workspaceId, Core.Policy.Policy policy, WorkflowTimings timings, bool dryRun = false) => new()
    {
        WorkspaceId = workspaceId,
        Policy = policy,
        DryRun = dryRun,
        Request = new RequestMetadata(TriggerSource.Http, TicketId: "REL-1"),
        Timings = timings,
    };

    /// <summary>Starts one onboarding per workspace; a live instance under the id fails the start (nothing should be running).</summary>
    public static async Task<IReadOnlyList<string>> StartAsync(DurableTaskClient client, IEnumerable<string> workspaceIds,
        Core.Policy.Policy policy, WorkflowTimings timings, bool dryRun = false)
    {
        var ids = new List<string>();
        foreach (string ws in workspaceIds)
        {
            var started = await WorkflowStarter.StartOrGetAsync(client, WorkflowNames.OnboardWorkspace, WorkflowInstanceIds.ForWorkspace(ws),
                Input(ws, policy, timings, dryRun));
            if (!started.Started) throw new InvalidOperationException($"an onboarding of {ws} was still running");
            ids.Add(started.InstanceId);
        }

        return ids;
    }

    /// <summary>
    /// Approves whatever waits for approval (the onboardings and any instance they started) until every one of
    /// <paramref name="instanceIds"/> has ended; returns their final states, inputs and outputs included.
    /// </summary>
    public static async Task<IReadOnlyList<OrchestrationMetadata>> RunApprovingAsync(DurableTaskClient client,
        IReadOnlyList<string> instanceIds, TimeSpan timeout)
    {
        var approved = new HashSet<string>(StringComparer.Ordinal);
        var wanted = instanceIds.ToHashSet(StringComparer.Ordinal);
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var ended = new Dictionary<string, OrchestrationMetadata>(StringComparer.Ordinal);
            var running = new List<OrchestrationMetadata>();
            await foreach (var instance in client.GetAllInstancesAsync(new OrchestrationQuery { FetchInputsAndOutputs = true }))
            {
                if (wanted.Contains(instance.InstanceId) && instance.IsCompleted)
                {
                    ended[instance.InstanceId] = instance;
                    continue;
                }

                if (!instance.IsCompleted) running.Add(instance);
                if (instance.IsRunning && !approved.Contains(instance.InstanceId) &&
                    WorkflowRig.StatusOf(instance)?.Phase == OrchestrationPhase.WaitingForApproval)
                {
                    await client.RaiseEventAsync(instance.InstanceId, WorkflowNames.ApprovalEvent, new ApprovalDecision(true, Approver));
                    approved.Add(instance.InstanceId);
                }
            }

            if (ended.Count == wanted.Count) return [.. instanceIds.Select(id => ended[id])];
            if (cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"{wanted.Count - ended.Count} of {wanted.Count} onboardings still running after {timeout}; " +
                                           "instances not ended:\n" + string.Join("\n", running.Take(10).Select(Describe)));
            }

            await Task.Delay(100);
        }
    }

    static string Describe(OrchestrationMetadata i) =>
        $"{i.InstanceId} ({i.Name}) {i.RuntimeStatus}: {i.SerializedCustomStatus ?? "no status"}";
}
