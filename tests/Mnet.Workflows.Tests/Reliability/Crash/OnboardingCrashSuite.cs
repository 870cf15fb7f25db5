using System.Diagnostics;
using System.Text.Json;
using Mnet.TestSupport.Processes;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.CrashHost;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores;
using Mnet.Workflows.Tests.Migration;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Reliability.Crash;

/// <summary>
/// Runs every <see cref="OnboardingCrashPhases"/> scenario once, all in parallel (each has its own emulator, task
/// hub and store; they share one Azurite), as the migration crash suite does: a child process (the crash host) runs
/// the onboarding on the Azure Storage backend and is killed whole (sidecar and worker) at the phase's moment; a new
/// engine in this process takes the task hub over, approves if the instance still waits, and finishes. The emulator
/// and Azurite live in this process, so they outlive the killed engine.
/// </summary>
public sealed class OnboardingCrashSuite : CrashSuite<OnboardingCrashPhase, OnboardingCrashRun>
{
    /// <summary>
    /// ARM time runs 300x: a takeover (about 15 s) is 75 ARM minutes, and Azure Storage timers fire up to a second off;
    /// the policy's provisioning bound (600 minutes) and the rule confirmation bound below leave room for both.
    /// </summary>
    const double Scale = 300;

    static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);
    static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(120);

    protected override IEnumerable<OnboardingCrashPhase> Phases => OnboardingCrashPhases.All;

    protected override string NameOf(OnboardingCrashPhase phase) => phase.Name;

    protected override async Task<OnboardingCrashRun> RunAsync(OnboardingCrashPhase phase)
    {
        await using var rig = await WorkflowRig.StartAsync(new WorkflowRigOptions
        {
            Scenario = "empty",
            Scale = Scale,
            Durations = MigrationFixture.FastDurations,
            // The killed process's ARM client waits in real time: keep the service's Retry-After short.
            Emulator = e => e with { RetryAfterSeconds = 1 },
        });
        await ReliabilityFleet.CreateSharedStorageAsync(rig.Arm);
        string ws = await ReliabilityFleet.CreateOnboardTargetAsync(rig.Arm, 1, "ws-crash-onb");
        string taskHub = NextTaskHub("OnbCrash");
        string instanceId = WorkflowInstanceIds.ForWorkspace(ws);
        var input = OnboardingDriver.Input(ws, ReliabilityFleet.Policy(), rig.Timings with { ConfirmTimeout = TimeSpan.FromHours(10) });
        string configPath = Path.Combine(Path.GetTempPath(), $"{taskHub}.json");
        new CrashHostConfig(Azurite.ConnectionString, taskHub, rig.Emulator.Url.ToString(), rig.Emulator.CaCertificatePem,
            rig.StoreFolder, WorkflowNames.OnboardWorkspace, instanceId, JsonSerializer.SerializeToElement(input, WorkflowJson.Options),
            phase.Approve ? CrashHostApproval.Approve : CrashHostApproval.Announce).Write(configPath);

        ProcessGroup? running = null;
        var trigger = phase.Arm(rig.Emulator, () => running?.Output.Contains(CrashHostProtocol.WaitingForApproval) == true);
        long mark = rig.Mark();
        var toKill = await KillCrashHostAtAsync(configPath, phase.Name, trigger.Reached, StepTimeout, child => running = child);

        foreach (int fault in trigger.Faults) rig.Emulator.Faults.Remove(fault);
        var sinceKill = Stopwatch.StartNew();
        await using var engine = await CrashEngine.StartAsync(
            CrashEngine.Options(Azurite.ConnectionString, taskHub), rig.Arm, new FolderDocumentStore(rig.StoreFolder));
        // Approves when the instance (still) waits: the killed host approved already in every phase but one.
        var state = (await OnboardingDriver.RunApprovingAsync(engine.Client, [instanceId], CompletionTimeout)).Single();
        var killToCompletion = sinceKill.Elapsed;

        return new OnboardingCrashRun(
            phase,
            ws,
            state.RuntimeStatus,
            state.FailureDetails?.ErrorMessage,
            state.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed ? state.ReadOutputAs<OnboardWorkspaceOutput>() : null,
            rig.RequestsSince(mark),
            await rig.Arm.GetWorkspaceAsync(ws),
            await rig.Arm.ListOutboundRulesAsync(ws),
            ReliabilityInvariants.RoleAssignments(rig.Emulator),
            toKill,
            killToCompletion);
    }
}
