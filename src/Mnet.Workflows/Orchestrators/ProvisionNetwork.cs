using Microsoft.DurableTask;
using Mnet.Arm.Lro;
using Mnet.Workflows.Activities.Network;
using Mnet.Workflows.Activities.Operations;
using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Orchestrators;

/// <summary>
/// provisionNetwork: starts manual provisioning (one activity), then reads the workspace on durable timers with
/// growing intervals until the managed network is Active (and Spark ready when asked) or the timeout passes; on
/// timeout it FAILS, saying what was done and what was not. The operation itself is polled too, so a failed
/// provisioning ends the wait at once. Long waits continue as new every few dozen polls to keep the history short.
/// </summary>
public static class ProvisionNetwork
{
    public static async Task<ProvisionNetworkOutput> RunAsync(TaskOrchestrationContext context, ProvisionNetworkInput input)
    {
        var timings = input.Timings ?? WorkflowTimings.Production;
        var board = new StatusBoard(context, input.WorkspaceId, input.Request?.TicketId, OrchestrationPhase.Provisioning);
        string wanted = input.IncludeSpark ? "Active with Spark ready" : "Active";

        var progress = input.Progress;
        if (progress is null)
        {
            var now = board.Now;
            progress = new ProvisionProgress(now, now + timings.Wall(TimeSpan.FromMinutes(input.TimeoutMinutes)), 0, timings.ProvisioningPoll.Initial);
            if (!input.AlreadyStarted)
            {
                board.Phase(OrchestrationPhase.Provisioning, "start", "requesting provisioning of the managed network");
                try
                {
                    var handle = await context.CallWorkflowActivityAsync<LroHandle?>(WorkflowNames.StartProvisionNetwork,
                        new StartProvisionNetworkInput(input.WorkspaceId, input.IncludeSpark), timings);
                    progress = progress with { Handle = handle };
                }
                catch (TaskFailedException e)
                {
                    var f = Failures.Describe(e);
                    string message = $"Provisioning of the managed network could not be started ({f.Code}: {f.Message}). Nothing was provisioned.";
                    board.Phase(OrchestrationPhase.Failed, message: message);
                    throw Failures.Orchestration("ProvisioningNotStarted", message);
                }
            }
        }

        int generationPolls = 0;
        while (true)
        {
            board.Phase(OrchestrationPhase.Provisioning, "wait",
                $"waiting for the managed network to be {wanted} (check {progress.Polls + 1}, until {progress.Deadline:O})");
            var status = await context.CallWorkflowActivityAsync<NetworkStatus>(WorkflowNames.ReadNetworkStatus,
                new ReadNetworkStatusInput(input.WorkspaceId, false), timings);
            progress = progress with { Polls = progress.Polls + 1 };
            generationPolls++;
            if (status.Status == "Active" && (!input.IncludeSpark || status.SparkReady))
            {
                board.Phase(OrchestrationPhase.Completed, message: $"managed network {wanted}");
                return new ProvisionNetworkOutput(input.WorkspaceId, "Active", status.SparkReady, progress.StartedAt, board.Now, progress.Polls);
            }

            if (progress.Handle is { } operation)
            {
                var poll = await context.CallWorkflowActivityAsync<PollOperationOutput>(WorkflowNames.PollOperation,
                    new PollOperationInput(operation), timings);
                if (poll.Status is LroStatus.Failed or LroStatus.Canceled)
                {
                    string message =
                        $"Provisioning of the managed network {poll.Status.ToString().ToLowerInvariant()}: {poll.Error?.Code ?? "unknown"} {poll.Error?.Message}".TrimEnd() +
                        $". Done: provisioning was requested at {progress.StartedAt:O}. Not done: the network is {status.Status}; computes cannot be created in it.";
                    board.Phase(OrchestrationPhase.Failed, message: message);
                    throw Failures.Orchestration("ProvisioningFailed", message);
                }

                // Succeeded while the workspace does not say Active yet: keep reading the workspace only.
                progress = progress with { Handle = poll.Status == LroStatus.InProgress ? poll.Handle : null };
            }

            if (board.Now >= progress.Deadline)
            {
                double minutes = Math.Round(timings.Arm(board.Now - progress.StartedAt).TotalMinutes);
                string message =
                    $"The managed network was not {wanted} after {minutes} minutes (status {status.Status}, sparkReady {status.SparkReady.ToString().ToLowerInvariant()}, " +
                    $"{progress.Polls} checks). Done: provisioning was {(input.AlreadyStarted ? "started at creation" : $"requested at {progress.StartedAt:O}")}; " +
                    "the isolation mode and rules applied before it stay applied. Not done: the network is not provisioned, so computes " +
                    "cannot be created in it yet. Check the workspace, then provision again (or raise provisioning.timeout_minutes).";
                board.Phase(OrchestrationPhase.Failed, message: message);
                throw Failures.Orchestration("ProvisioningTimedOut", message);
            }

            await Poll.SleepAsync(context, timings, progress.NextDelay, progress.Deadline.UtcDateTime);
            progress = progress with { NextDelay = timings.ProvisioningPoll.Next(progress.NextDelay) };
            if (generationPolls >= timings.PollsPerGeneration)
            {
                // A fresh history for very long waits; the deadline and progress travel in the input.
                context.ContinueAsNew(input with { Progress = progress });
                return null!;
            }
        }
    }
}
