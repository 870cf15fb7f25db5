using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mnet.TestSupport.Azurite;
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
public sealed class OnboardingCrashSuite : IAsyncLifetime
{
    /// <summary>
    /// ARM time runs 300x: a takeover (about 15 s) is 75 ARM minutes, and Azure Storage timers fire up to a second off;
    /// the policy's provisioning bound (600 minutes) and the rule confirmation bound below leave room for both.
    /// </summary>
    const double Scale = 300;

    static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);
    static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(120);

    readonly ConcurrentDictionary<string, OnboardingCrashRun> runs = new();
    readonly ConcurrentDictionary<string, Exception> failures = new();
    AzuriteFixture? azurite;
    int next;

    /// <summary>From the start of the first scenario to the end of the last.</summary>
    public TimeSpan Elapsed { get; private set; }

    public async Task InitializeAsync()
    {
        azurite = await AzuriteFixture.StartAsync();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(OnboardingCrashPhases.All.Select(async phase =>
        {
            try
            {
                runs[phase.Name] = await RunAsync(phase);
            }
            catch (Exception e)
            {
                failures[phase.Name] = e;
            }
        }));
        Elapsed = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null) await azurite.DisposeAsync();
    }

    /// <summary>The phase's run; rethrows what stopped it.</summary>
    public OnboardingCrashRun Get(string phase) =>
        failures.TryGetValue(phase, out var failure)
            ? throw new InvalidOperationException($"crash scenario '{phase}' did not complete: {failure.Message}", failure)
            : runs[phase];

    async Task<OnboardingCrashRun> RunAsync(OnboardingCrashPhase phase)
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
        string taskHub = string.Create(CultureInfo.InvariantCulture, $"OnbCrash{Environment.ProcessId}x{Interlocked.Increment(ref next)}");
        string instanceId = WorkflowInstanceIds.ForWorkspace(ws);
        var input = OnboardingDriver.Input(ws, ReliabilityFleet.Policy(), rig.Timings with { ConfirmTimeout = TimeSpan.FromHours(10) });
        string configPath = Path.Combine(Path.GetTempPath(), $"{taskHub}.json");
        new CrashHostConfig(azurite!.ConnectionString, taskHub, rig.Emulator.Url.ToString(), rig.Emulator.CaCertificatePem,
            rig.StoreFolder, WorkflowNames.OnboardWorkspace, instanceId, JsonSerializer.SerializeToElement(input, WorkflowJson.Options),
            phase.Approve ? CrashHostApproval.Approve : CrashHostApproval.Announce).Write(configPath);

        ProcessGroup? running = null;
        var trigger = phase.Arm(rig.Emulator, () => running?.Output.Contains(CrashHostProtocol.WaitingForApproval) == true);
        long mark = rig.Mark();
        var sinceStart = Stopwatch.StartNew();
        TimeSpan toKill;
        try
        {
            await using var child = ProcessGroup.Start("dotnet", [typeof(CrashHostConfig).Assembly.Location, configPath]);
            running = child;
            await child.WaitForLineAsync(line => line == CrashHostProtocol.Scheduled, StepTimeout);
            while (!trigger.Reached())
            {
                if (child.HasExited) throw new InvalidOperationException($"the engine process exited early:\n{string.Join('\n', child.Output.TakeLast(30))}");
                if (sinceStart.Elapsed > StepTimeout) throw new TimeoutException($"'{phase.Name}' not reached within {StepTimeout}:\n{string.Join('\n', child.Output.TakeLast(30))}");
                await Task.Delay(10);
            }

            toKill = sinceStart.Elapsed;
            await child.KillAsync();
        }
        finally
        {
            File.Delete(configPath);
        }

        foreach (int fault in trigger.Faults) rig.Emulator.Faults.Remove(fault);
        var sinceKill = Stopwatch.StartNew();
        await using var engine = await CrashEngine.StartAsync(
            CrashEngine.Options(azurite.ConnectionString, taskHub), rig.Arm, new FolderDocumentStore(rig.StoreFolder));
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
