using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Bench.Lib;
using Mnet.Emulator.Recording;
using Mnet.Workflows;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Migration;

namespace Mnet.Bench.Migration;

/// <summary>
/// Migration critical path: the real migrateComputes orchestration on the in-process engine, then the sequential
/// script with the same client, each on its own emulator and 60-resource workspace. Both clocks are scaled real
/// time (not virtual): the engine's own overhead is scaled up with it, so a lower scale for the orchestration.
/// </summary>
public static class MigrationSection
{
    public static async Task<MigrationResults> RunAsync(int perKind, double orchestratedScale, double sequentialScale, Action<string> log)
    {
        int resources = 3 * perKind;
        var policy = MigrationScenario.Policy(resources);
        await using var rig = await MigrationRig.StartAsync(orchestratedScale, withEngine: true);
        log($"migration: building a workspace with {resources} computes/endpoints (clock x{orchestratedScale})...");
        var workspace = await MigrationScenario.BuildWorkspaceAsync(rig.Arm, "ws-orch", perKind);
        long mark = rig.Emulator.Requests.List().LastOrDefault()?.Seq ?? 0;

        log("migration: migrateComputes orchestration on the in-process engine...");
        var engine = rig.Engine!;
        var wall = Stopwatch.StartNew();
        var t0 = rig.Clock.GetUtcNow();
        string id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.MigrateComputes, new MigrateComputesInput
        {
            WorkspaceId = workspace.Id,
            Policy = policy,
            Request = new RequestMetadata(TriggerSource.Http, TicketId: "BENCH-1"),
            Timings = rig.Timings,
        }, new StartOrchestrationOptions("bench-migration"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var state = await engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        var emulated = rig.Clock.GetUtcNow() - t0;
        wall.Stop();
        var output = state.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? state.ReadOutputAs<MigrateComputesOutput>() : null;
        if (output?.Result != MigrationResult.Migrated)
        {
            throw new InvalidOperationException($"the migration did not complete: {state.RuntimeStatus} {state.FailureDetails?.ErrorMessage} {state.SerializedOutput}");
        }

        var requests = rig.Emulator.Requests.List().Where(r => r.Seq > mark).ToList();
        if (Environment.GetEnvironmentVariable("MNET_BENCH_TIMELINE") is { } file)
        {
            await File.WriteAllLinesAsync(file, requests.Select(r => $"{(r.Time - t0).TotalSeconds / orchestratedScale:F3} {r.Method} {r.Status} {r.Path[Math.Max(0, r.Path.Length - 70)..]}"));
        }

        var phases = output.Outcomes
            .Select(o => new PhaseTime(o.StepId, rig.Timings.Arm(o.FinishedAt - o.StartedAt).TotalMinutes))
            .ToList();
        log("migration: history of every instance, replay of the largest...");
        var history = await HistoryReader.CostAsync(engine);

        log($"migration: sequential script baseline (same client settings, own emulator, clock x{sequentialScale})...");
        await using var seqRig = await MigrationRig.StartAsync(sequentialScale, withEngine: false);
        var seqWorkspace = await MigrationScenario.BuildWorkspaceAsync(seqRig.Arm, "ws-seq", perKind);
        long seqMark = seqRig.Emulator.Requests.List().LastOrDefault()?.Seq ?? 0;
        var seqWall = Stopwatch.StartNew();
        var s0 = seqRig.Clock.GetUtcNow();
        await SequentialScript.RunAsync(seqRig.Arm, seqWorkspace.Id, policy);
        var seqEmulated = seqRig.Clock.GetUtcNow() - s0;
        seqWall.Stop();
        int seqRequests = seqRig.Emulator.Requests.List().Count(r => r.Seq > seqMark);

        return new MigrationResults(resources, MigrationScenario.CriticalPath.TotalMinutes, orchestratedScale, sequentialScale,
            "migrated", output.Recreated.Count, emulated.TotalMinutes, phases, requests.Count, MaxPerSecond(requests), wall.Elapsed.TotalSeconds,
            seqEmulated.TotalMinutes, seqRequests, seqWall.Elapsed.TotalSeconds, history);
    }

    /// <summary>Most requests arriving on one subscription in any emulated second.</summary>
    static int MaxPerSecond(IReadOnlyList<RecordedRequest> requests) =>
        requests.GroupBy(r => SubscriptionOf(r.Path), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Key.Length > 0)
            .Select(g => Stats.MaxInWindow(g.Select(r => r.Time), TimeSpan.FromSeconds(1)))
            .DefaultIfEmpty(0).Max();

    public static string SubscriptionOf(string path)
    {
        const string prefix = "/subscriptions/";
        if (!path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return "";
        int end = path.IndexOf('/', prefix.Length);
        return end < 0 ? path[prefix.Length..] : path[prefix.Length..end];
    }
}
