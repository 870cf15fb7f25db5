using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.CrashHost;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Migration;
using Mnet.Workflows.Stores;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Migration.Crash;

/// <summary>
/// Runs every <see cref="CrashPhases"/> scenario once, all in parallel (each has its own emulator, task hub and
/// store; they share one Azurite): a child process runs the migration on the Azure Storage backend and is killed
/// whole (sidecar and worker) at the phase's moment; a new engine in this process takes the task hub over and
/// finishes. The emulator and Azurite live in this process, so they outlive the killed engine.
/// </summary>
public sealed class MigrationCrashSuite : CrashSuite<CrashPhase, CrashRun>
{
    static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);
    static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(90);

    protected override IEnumerable<CrashPhase> Phases => CrashPhases.All;

    protected override string NameOf(CrashPhase phase) => phase.Name;

    protected override async Task<CrashRun> RunAsync(CrashPhase phase)
    {
        await using var rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions(new WorkflowRigOptions
        {
            // The killed process's ARM client waits in real time: keep the service's Retry-After short.
            Emulator = e => e with { RetryAfterSeconds = 1 },
            // Not faster than the rig's 600: Azure Storage timers fire up to a second late, which at 1200x is 20 minutes
            // of ARM time, enough to time a provisioning out.
        }));
        var fixture = await MigrationFixture.BuildAsync(rig.Arm, CrashPhases.Fixture);
        string taskHub = NextTaskHub("MigCrash");
        string instanceId = WorkflowInstanceIds.ForWorkspace(fixture.WorkspaceId, InstancePurpose.Migrate);
        var input = new MigrateComputesInput
        {
            WorkspaceId = fixture.WorkspaceId,
            // A generous provisioning timeout: the takeover after a kill takes 8-16 s real, which at 600x is hours of ARM
            // time; what is tested is the resume, not the timeout.
            Policy = MigrationPolicies.Approved("automatic", extra: new JsonObject
            {
                ["provisioning"] = new JsonObject { ["timeout_minutes"] = 600 },
            }),
            Request = new RequestMetadata(TriggerSource.Cli),
            MigrationId = $"crash-{phase.Name}",
            DryRun = phase.DryRun,
            Timings = rig.Timings,
        };
        string configPath = Path.Combine(Path.GetTempPath(), $"{taskHub}.json");
        new CrashHostConfig(Azurite.ConnectionString, taskHub, rig.Emulator.Url.ToString(), rig.Emulator.CaCertificatePem,
            rig.StoreFolder, WorkflowNames.MigrateComputes, instanceId, JsonSerializer.SerializeToElement(input, WorkflowJson.Options)).Write(configPath);

        var trigger = phase.Arm(rig.Emulator);
        long mark = rig.Mark();
        var markTime = rig.Clock.GetUtcNow();
        var toKill = await KillCrashHostAtAsync(configPath, phase.Name, trigger.Reached, StepTimeout);

        foreach (int fault in trigger.Faults) rig.Emulator.Faults.Remove(fault);
        var sinceKill = Stopwatch.StartNew();
        await using var engine = await CrashEngine.StartAsync(
            CrashEngine.Options(Azurite.ConnectionString, taskHub), rig.Arm, new FolderDocumentStore(rig.StoreFolder));
        using var cancel = new CancellationTokenSource(CompletionTimeout);
        var state = await engine.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancel.Token);
        var killToCompletion = sinceKill.Elapsed;

        var endpoints = new List<BuiltEndpoint>();
        foreach (var endpoint in await rig.Arm.ListOnlineEndpointsAsync(fixture.WorkspaceId))
        {
            endpoints.Add(new BuiltEndpoint(endpoint, await rig.Arm.ListOnlineDeploymentsAsync($"{fixture.WorkspaceId}/onlineEndpoints/{endpoint.Name}")));
        }

        return new CrashRun(
            phase,
            fixture,
            state.RuntimeStatus,
            state.FailureDetails?.ErrorMessage,
            state.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? state.ReadOutputAs<MigrateComputesOutput>() : null,
            rig.RequestsSince(mark),
            rig.Emulator.State.Read(s => s.Operations.List().Where(o => o.StartedAt >= markTime).ToList()),
            await rig.Arm.ListComputesAsync(fixture.WorkspaceId),
            endpoints,
            toKill,
            killToCompletion);
    }
}
