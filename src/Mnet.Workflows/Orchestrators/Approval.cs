using System.Text.Json;
using Microsoft.DurableTask;
using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Orchestrators;

/// <summary>
/// Waiting for a person: the <see cref="WorkflowNames.ApprovalEvent"/> event against a deadline (the policy's
/// approval timeout). The engine cancels its timer when the event comes, so the instance can complete. A malformed
/// event does not count as an answer: the wait goes on until the same deadline.
/// </summary>
public static class Approval
{
    public static DateTime DeadlineFor(TaskOrchestrationContext context, WorkflowTimings timings, double hours) =>
        Poll.Deadline(context, timings, TimeSpan.FromHours(Math.Max(0, hours)));

    /// <param name="onWaiting">Publishes the custom status (who must approve what, by when) before the wait begins.</param>
    public static async Task<ApprovalOutcome> WaitAsync(
        TaskOrchestrationContext context, DateTime deadline, Action<DateTime> onWaiting)
    {
        onWaiting(deadline);
        while (true)
        {
            TimeSpan remaining = deadline - context.CurrentUtcDateTime;
            if (remaining <= TimeSpan.Zero) return new ApprovalOutcome(ApprovalOutcomeKind.TimedOut, null, deadline);
            JsonElement payload;
            try
            {
                payload = await context.WaitForExternalEvent<JsonElement>(WorkflowNames.ApprovalEvent, remaining);
            }
            catch (TaskCanceledException)
            {
                return new ApprovalOutcome(ApprovalOutcomeKind.TimedOut, null, deadline);
            }

            if (Read(payload) is { } decision)
            {
                return new ApprovalOutcome(
                    decision.Approved ? ApprovalOutcomeKind.Approved : ApprovalOutcomeKind.Rejected, decision, deadline);
            }
        }
    }

    /// <summary>A decision needs <c>approved</c> (a boolean) and a non-blank <c>approver</c>; anything else is null.</summary>
    public static ApprovalDecision? Read(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object) return null;
        if (!payload.TryGetProperty("approved", out var approved) || approved.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return null;
        if (!payload.TryGetProperty("approver", out var approver) || approver.ValueKind != JsonValueKind.String) return null;
        string who = approver.GetString()!;
        if (string.IsNullOrWhiteSpace(who)) return null;
        return new ApprovalDecision(approved.GetBoolean(), who, Text(payload, "comment"), Text(payload, "authenticatedAs"));
    }

    static string? Text(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
