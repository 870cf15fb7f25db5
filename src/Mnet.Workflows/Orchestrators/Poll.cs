using Microsoft.DurableTask;
using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Orchestrators;

/// <summary>
/// Polling on durable timers with growing intervals: quick answers for fast operations, a bounded delay for the
/// 30-minute ones. Nothing here sleeps: every wait is a durable timer. Durations are in ARM's time, deadlines are
/// the engine's (wall) time: <see cref="Deadline"/> converts.
/// </summary>
public static class Poll
{
    /// <summary>The engine time <paramref name="armSpan"/> of ARM time from now.</summary>
    public static DateTime Deadline(TaskOrchestrationContext context, WorkflowTimings timings, TimeSpan armSpan) =>
        context.CurrentUtcDateTime + timings.Wall(armSpan);

    /// <summary>Waits <paramref name="armDelay"/> (ARM time) on a durable timer, never past <paramref name="deadline"/>.</summary>
    public static async Task SleepAsync(
        TaskOrchestrationContext context, WorkflowTimings timings, TimeSpan armDelay, DateTime? deadline = null)
    {
        DateTime now = context.CurrentUtcDateTime;
        DateTime fireAt = now + timings.Wall(armDelay);
        if (deadline is { } limit && fireAt > limit) fireAt = limit;
        if (fireAt <= now) return;
        await context.CreateTimer(fireAt, CancellationToken.None);
    }

    /// <summary>
    /// Calls <paramref name="poll"/> (a fresh activity call each time) until <paramref name="isDone"/> holds or the
    /// deadline passes; the last poll happens at the deadline, so a success right at the end still counts.
    /// </summary>
    public static async Task<PollOutcome<T>> UntilAsync<T>(
        TaskOrchestrationContext context,
        WorkflowTimings timings,
        Func<Task<T>> poll,
        Func<T, bool> isDone,
        DateTime deadline,
        PollSchedule schedule,
        TimeSpan? firstDelay = null)
    {
        TimeSpan delay = firstDelay ?? schedule.Initial;
        int polls = 0;
        while (true)
        {
            T result = await poll();
            polls++;
            if (isDone(result)) return new PollOutcome<T>(true, result, polls);
            if (context.CurrentUtcDateTime >= deadline) return new PollOutcome<T>(false, result, polls);
            await SleepAsync(context, timings, delay, deadline);
            delay = schedule.Next(delay);
        }
    }
}
