using Microsoft.DurableTask;
using Mnet.Arm.Lro;
using Mnet.Workflows.Activities.Operations;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Migration.Activities;
using Mnet.Workflows.Orchestrators;

namespace Mnet.Workflows.Migration.Phases;

/// <summary>
/// Runs ARM operations with dependencies as ONE fan-out: every operation starts as soon as the ones it comes after
/// have succeeded and a slot is free (at most <c>maxParallel</c> in flight, a sliding window), so independent chains
/// (a compute create; an endpoint, then its deployments, then its traffic) overlap instead of running phase by phase.
/// Each operation in flight is polled on its own growing schedule (<see cref="WorkflowTimings.OperationPoll"/>, from
/// the service's Retry-After); one durable timer per round wakes the orchestration at the earliest due poll, and every
/// poll due by then (plus a few seconds, to share wake-ups) goes out together. An operation that finds its resource
/// busy is started again later in the same slot. Deterministic: order and times come from the node list and the
/// orchestration's clock only.
/// </summary>
public static class OperationGraph
{
    /// <summary>Polls due within this much ARM time of the earliest one go out in the same round.</summary>
    static readonly TimeSpan Coalesce = TimeSpan.FromSeconds(5);

    public static async Task<GraphResult> RunAsync(
        TaskOrchestrationContext context, WorkflowTimings timings, IReadOnlyList<GraphNode> nodes, int maxParallel, TimeSpan timeout)
    {
        int limit = Math.Max(1, maxParallel);
        var state = nodes.ToDictionary(n => n.Label, _ => GraphNodeState.Waiting, StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        var inFlight = new List<GraphOperation>();
        var again = new List<GraphStart>(); // start (again) now, in the slot they hold
        void Fail(GraphNode node, string error)
        {
            state[node.Label] = GraphNodeState.Failed;
            errors[node.Label] = error;
        }

        while (true)
        {
            // A failed predecessor fails (or drops) its successors, in node order (predecessors come first).
            foreach (var node in nodes.Where(n => state[n.Label] == GraphNodeState.Waiting))
            {
                if (node.After.Any(a => state[a] is GraphNodeState.Failed or GraphNodeState.Dropped))
                {
                    if (node.BlockedReason is null) state[node.Label] = GraphNodeState.Dropped;
                    else Fail(node, node.BlockedReason);
                }
            }

            // Restarts hold their slots already; new nodes take the free ones.
            int free = limit - inFlight.Count - again.Count;
            var starting = new List<GraphStart>(again);
            again.Clear();
            foreach (var node in nodes)
            {
                if (free <= 0) break;
                if (state[node.Label] == GraphNodeState.Waiting && node.After.All(a => state[a] == GraphNodeState.Done))
                {
                    starting.Add(new GraphStart(node, GraphStage.Create));
                    free--;
                }
            }

            if (starting.Count > 0)
            {
                foreach (var s in starting) state[s.Node.Label] = GraphNodeState.Running;
                var started = await Settle.AllAsync(starting.Select(s => StartAsync(context, timings, s)).ToList());
                DateTime now = context.CurrentUtcDateTime;
                for (int i = 0; i < starting.Count; i++)
                {
                    var s = starting[i];
                    if (!started[i].Ok)
                    {
                        Fail(s.Node, $"{started[i].Error!.Code}: {started[i].Error!.Message}");
                        continue;
                    }

                    var outcome = started[i].Value!;
                    DateTime deadline = s.Deadline ?? Poll.Deadline(context, timings, timeout);
                    switch (outcome.State)
                    {
                        case OperationStartState.Done when s.Stage == GraphStage.Delete:
                            again.Add(new GraphStart(s.Node, GraphStage.Create)); // already gone
                            break;
                        case OperationStartState.Done when s.Node.Expect == Expectation.Present && ProvisioningStates.IsFailed(outcome.ProvisioningState):
                            if (s.Node.ReplaceFailed is not null && replaced.Add(s.Node.Label)) again.Add(new GraphStart(s.Node, GraphStage.Delete));
                            else Fail(s.Node, "exists in state Failed");
                            break;
                        case OperationStartState.Done:
                            state[s.Node.Label] = GraphNodeState.Done;
                            break;
                        case OperationStartState.Busy:
                            var wait = timings.OperationPoll.Initial;
                            inFlight.Add(new GraphOperation(s.Node, s.Stage, outcome, null, wait, now + timings.Wall(wait), deadline, Restart: true));
                            break;
                        default:
                            var delay = FirstDelay(timings, outcome.Handle);
                            inFlight.Add(new GraphOperation(s.Node, s.Stage, outcome, outcome.Handle, delay, now + timings.Wall(delay), deadline, Restart: false));
                            break;
                    }
                }

                // Immediate outcomes may have freed slots or unlocked successors: start those before waiting.
                continue;
            }

            if (inFlight.Count == 0) break;

            // One timer to the earliest due poll (never past an operation's deadline).
            DateTime earliest = inFlight.Min(f => f.DueAt < f.Deadline ? f.DueAt : f.Deadline);
            if (earliest > context.CurrentUtcDateTime) await context.CreateTimer(earliest, CancellationToken.None);
            DateTime woke = context.CurrentUtcDateTime;
            var due = inFlight.Where(f => f.DueAt <= woke + timings.Wall(Coalesce) || f.Deadline <= woke).ToList();
            inFlight = inFlight.Except(due).ToList();

            foreach (var f in due.Where(f => f.Restart))
            {
                if (woke >= f.Deadline) Fail(f.Node, $"still {f.Start.ProvisioningState ?? "busy"} at {f.Deadline:yyyy-MM-ddTHH:mm:ssZ}");
                else again.Add(new GraphStart(f.Node, f.Stage, f.Deadline));
            }

            var polled = due.Where(f => !f.Restart).ToList();
            var answers = await Settle.AllAsync(polled.Select(f => PollAsync(context, timings, f)).ToList());
            DateTime after = context.CurrentUtcDateTime;
            for (int i = 0; i < polled.Count; i++)
            {
                var f = polled[i];
                if (!answers[i].Ok)
                {
                    Fail(f.Node, $"{answers[i].Error!.Code}: {answers[i].Error!.Message}");
                    continue;
                }

                var (verdict, handle) = answers[i].Value!;
                if (verdict.Kind == GraphVerdictKind.Ok)
                {
                    if (f.Stage == GraphStage.Delete) again.Add(new GraphStart(f.Node, GraphStage.Create));
                    else state[f.Node.Label] = GraphNodeState.Done;
                }
                else if (verdict.Kind == GraphVerdictKind.Failed)
                {
                    Fail(f.Node, f.Stage == GraphStage.Delete ? $"deleting the Failed resource: {verdict.Error}" : verdict.Error!);
                }
                else if (after >= f.Deadline)
                {
                    Fail(f.Node, $"not finished by {f.Deadline:yyyy-MM-ddTHH:mm:ssZ}");
                }
                else
                {
                    var delay = timings.OperationPoll.Next(f.Delay);
                    inFlight.Add(f with { Handle = handle, Delay = delay, DueAt = after + timings.Wall(delay) });
                }
            }
        }

        var done = nodes.Where(n => state[n.Label] == GraphNodeState.Done).Select(n => n.Label).ToList();
        var failed = nodes
            .Where(n => state[n.Label] is not (GraphNodeState.Done or GraphNodeState.Dropped))
            .Select(n => new GraphFailure(n.Label, errors.GetValueOrDefault(n.Label, "not started")))
            .ToList();
        return new GraphResult(done, failed, nodes.Where(n => replaced.Contains(n.Label) && state[n.Label] == GraphNodeState.Done).Select(n => n.Label).ToList());
    }

    static Task<OperationStart> StartAsync(TaskOrchestrationContext context, WorkflowTimings timings, GraphStart s)
    {
        var call = s.Stage == GraphStage.Delete ? s.Node.ReplaceFailed! : s.Node.Start;
        return context.CallWorkflowActivityAsync<OperationStart>(call.Activity, call.Input, timings);
    }

    /// <summary>The service's Retry-After, within the schedule's bounds.</summary>
    static TimeSpan FirstDelay(WorkflowTimings timings, LroHandle? handle)
    {
        var schedule = timings.OperationPoll;
        var hinted = handle is null ? schedule.Initial : TimeSpan.FromSeconds(handle.RetryAfterSeconds);
        return hinted < schedule.Initial ? schedule.Initial : hinted > schedule.Max ? schedule.Max : hinted;
    }

    /// <summary>One poll: the operation's handle when this run has one, else the resource itself.</summary>
    static async Task<(GraphVerdict, LroHandle?)> PollAsync(TaskOrchestrationContext context, WorkflowTimings timings, GraphOperation f)
    {
        if (f.Handle is { } handle)
        {
            var poll = await context.CallWorkflowActivityAsync<PollOperationOutput>(WorkflowNames.PollOperation, new PollOperationInput(handle), timings);
            return poll.Status switch
            {
                LroStatus.Succeeded => (GraphVerdict.Ok, poll.Handle),
                LroStatus.InProgress => (GraphVerdict.Pending, poll.Handle),
                _ => (GraphVerdict.Failed($"{poll.Status}: {poll.Error?.Code} {poll.Error?.Message}".Trim()), null),
            };
        }

        var presence = await context.CallWorkflowActivityAsync<ResourcePresence>(
            WorkflowNames.ReadResourcePresence, new ReadResourcePresenceInput(f.Node.Kind, f.Start.ResourceId), timings);
        return (Judge(f.Stage == GraphStage.Delete ? Expectation.Gone : f.Node.Expect, presence), null);
    }

    /// <summary>Where a resource followed without a handle stands.</summary>
    static GraphVerdict Judge(Expectation expect, ResourcePresence presence)
    {
        if (expect == Expectation.Gone)
        {
            if (!presence.Exists) return GraphVerdict.Ok;
            return ProvisioningStates.IsFailed(presence.ProvisioningState) ? GraphVerdict.Failed("the service reports the delete Failed") : GraphVerdict.Pending;
        }

        if (!presence.Exists || ProvisioningStates.IsBusy(presence.ProvisioningState) || ProvisioningStates.IsDeleting(presence.ProvisioningState))
        {
            return GraphVerdict.Pending;
        }

        return ProvisioningStates.IsFailed(presence.ProvisioningState) ? GraphVerdict.Failed("the resource was created in state Failed") : GraphVerdict.Ok;
    }
}
