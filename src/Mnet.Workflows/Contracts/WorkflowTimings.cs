using Mnet.Core.Catalog;

namespace Mnet.Workflows.Contracts;

/// <summary>
/// Every wait and poll interval an orchestration uses, carried in its input (orchestrators read no configuration).
/// Durations are in ARM's time: how long Azure's operations take. <see cref="TimeScale"/> divides every durable wait
/// (timers, deadlines, retry delays): 1 in Azure; in tests the emulator's clock runs that many times faster than
/// the engine's wall-clock timers, so a 30-minute provisioning and its 45-minute timeout take seconds.
/// </summary>
public sealed record WorkflowTimings
{
    /// <summary>Azure's cadence (defaults from <see cref="DurableTimingDefaults"/>).</summary>
    public static WorkflowTimings Production { get; } = new();

    /// <summary>How much faster than real time ARM's clock runs (1 in Azure).</summary>
    public double TimeScale { get; init; } = 1;

    /// <summary>Managed network provisioning (~30 minutes).</summary>
    public PollSchedule ProvisioningPoll { get; init; } = new(
        TimeSpan.FromSeconds(DurableTimingDefaults.ProvisioningPollInitialSeconds),
        TimeSpan.FromSeconds(DurableTimingDefaults.ProvisioningPollMaxSeconds),
        DurableTimingDefaults.PollFactor);

    /// <summary>Compute, endpoint and workspace operations (from the service's Retry-After).</summary>
    public PollSchedule OperationPoll { get; init; } = new(
        TimeSpan.FromSeconds(DurableTimingDefaults.OperationPollInitialSeconds),
        TimeSpan.FromSeconds(DurableTimingDefaults.OperationPollMaxSeconds),
        DurableTimingDefaults.PollFactor);

    /// <summary>Private endpoint rules turning Active after roles are granted.</summary>
    public PollSchedule RulePoll { get; init; } = new(
        TimeSpan.FromSeconds(DurableTimingDefaults.RulePollInitialSeconds),
        TimeSpan.FromSeconds(DurableTimingDefaults.RulePollMaxSeconds),
        DurableTimingDefaults.PollFactor);

    public ActivityRetrySettings ActivityRetry { get; init; } = new(
        TimeSpan.FromSeconds(DurableTimingDefaults.ActivityFirstRetrySeconds),
        DurableTimingDefaults.ActivityBackoffCoefficient,
        DurableTimingDefaults.ActivityMaxAttempts,
        TimeSpan.FromSeconds(DurableTimingDefaults.ActivityMaxRetrySeconds));

    /// <summary>Bound on waiting for private endpoint rules to become Active.</summary>
    public TimeSpan ConfirmTimeout { get; init; } = TimeSpan.FromMinutes(DurableTimingDefaults.ConfirmTimeoutMinutes);

    /// <summary>Bound on a workspace creation.</summary>
    public TimeSpan CreateWorkspaceTimeout { get; init; } = TimeSpan.FromMinutes(DurableTimingDefaults.CreateWorkspaceTimeoutMinutes);

    /// <summary>Provisioning polls per history before it continues as new.</summary>
    public int PollsPerGeneration { get; init; } = DurableTimingDefaults.PollsPerGeneration;

    /// <summary>A duration in ARM's time as the engine's timers must wait it.</summary>
    public TimeSpan Wall(TimeSpan armTime) => TimeScale == 1 ? armTime : TimeSpan.FromTicks((long)(armTime.Ticks / TimeScale));

    /// <summary>A span the engine measured, in ARM's time (for messages such as "after 34 minutes").</summary>
    public TimeSpan Arm(TimeSpan wallTime) => TimeScale == 1 ? wallTime : TimeSpan.FromTicks((long)(wallTime.Ticks * TimeScale));
}
