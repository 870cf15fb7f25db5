using System.Diagnostics;
using Microsoft.DurableTask.Client;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using Mnet.Emulator.Recording;
using Mnet.Workflows.Activities;
using Mnet.Workflows.Activities.State;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Tests.Migration;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Reliability;

/// <summary>
/// The fault-injection scenario (TS tests/reliability/support/fault-scenario), run once for <see cref="FaultInjectionTests"/>:
/// a fleet built cleanly, then dry runs and real onboardings (the migration targets' onboardings migrate their
/// computes) with <see cref="FaultRate"/> of all ARM calls failing, all on the in-memory engine, concurrently. What
/// the invariants need is captured here; the tests judge it.
/// </summary>
public sealed class FaultInjectionRun : IAsyncLifetime
{
    public const double FaultRate = 0.2;
    public const uint Seed = 20250101;

    /// <summary>Onboarding targets without computes (x <see cref="SoakScale"/>).</summary>
    public static int OnboardCount => 50 * SoakScale.Factor;

    /// <summary>Migration targets: onboardings that migrate computes (x <see cref="SoakScale"/>).</summary>
    public static int MigrateCount => 10 * SoakScale.Factor;

    /// <summary>Dry runs before the real runs, over the first workspaces (x <see cref="SoakScale"/>).</summary>
    public static int DryRunCount => 10 * SoakScale.Factor;

    /// <summary>
    /// The emulator's clock runs this much faster than real time. Under 60 concurrent onboardings the in-memory
    /// engine takes a second or more per activity hop, which must stay well inside the migration's fixed batch
    /// timeouts (120 ARM minutes: 24 s here).
    /// </summary>
    public const double Scale = 300;

    /// <summary>In-memory engines the fleet is spread over (see <see cref="EngineShards"/>).</summary>
    public const int Engines = 10;

    static TimeSpan RunTimeout => TimeSpan.FromSeconds(240 * SoakScale.Factor);

    public ReliabilityFleet Fleet { get; private set; } = null!;

    public Core.Policy.Policy Policy { get; } = ReliabilityFleet.Policy();

    public IReadOnlyList<OrchestrationMetadata> DryRuns { get; private set; } = [];

    /// <summary>Every ARM request of the dry runs (faulted ones included).</summary>
    public IReadOnlyList<RecordedRequest> DryRunRequests { get; private set; } = [];

    public IReadOnlyList<OrchestrationMetadata> Onboardings { get; private set; } = [];

    /// <summary>Every ARM request of the real runs (faulted ones included).</summary>
    public IReadOnlyList<RecordedRequest> Requests { get; private set; } = [];

    public IReadOnlyDictionary<string, int> FaultsFired { get; private set; } = new Dictionary<string, int>();

    /// <summary>Each workspace's managed network after the run: isolation mode and status.</summary>
    public IReadOnlyDictionary<string, (IsolationMode? Mode, string? Status)> Networks { get; private set; } = new Dictionary<string, (IsolationMode?, string?)>();

    /// <summary>Each workspace's plan against the policy after the run (faults removed): it must be compliant.</summary>
    public IReadOnlyDictionary<string, Plan> PlansAfter { get; private set; } = new Dictionary<string, Plan>();

    public IReadOnlyList<string> RestoredDifferences { get; private set; } = [];

    public IReadOnlyList<RoleAssignment> RoleAssignments { get; private set; } = [];

    public TimeSpan BuildTime { get; private set; }

    public TimeSpan DryRunTime { get; private set; }

    public TimeSpan RunTime { get; private set; }

    public async Task InitializeAsync()
    {
        await using var rig = await WorkflowRig.StartAsync(new WorkflowRigOptions
        {
            Scenario = "empty",
            Scale = Scale,
            Durations = MigrationFixture.FastDurations,
            Emulator = e => e with { Seed = Seed, RetryAfterSeconds = 10 },
        });
        var clock = Stopwatch.StartNew();
        Fleet = await ReliabilityFleet.BuildAsync(rig.Arm, OnboardCount, MigrateCount);
        BuildTime = clock.Elapsed;

        var settings = new WorkflowSettings { AllowRoleDefinitionWrites = true };
        await using var shards = await EngineShards.StartAsync(rig, Engines, settings);
        var mix = FaultMix.Install(rig.Emulator.Faults, FaultRate, Seed);
        long mark = rig.Mark();
        clock.Restart();
        // Dry runs first, on their own: not one write, failed attempts included.
        DryRuns = await RunAsync(shards, Fleet.All.Take(DryRunCount).ToList(), Timings(rig), dryRun: true);
        DryRunRequests = rig.RequestsSince(mark);
        DryRunTime = clock.Elapsed;

        mark = rig.Mark();
        clock.Restart();
        Onboardings = await RunAsync(shards, Fleet.All, Timings(rig), dryRun: false);
        RunTime = clock.Elapsed;
        Requests = rig.RequestsSince(mark);
        FaultsFired = mix.Fired();
        mix.Remove();

        var networks = new Dictionary<string, (IsolationMode?, string?)>(StringComparer.OrdinalIgnoreCase);
        var plans = new Dictionary<string, Plan>(StringComparer.OrdinalIgnoreCase);
        var read = new ReadWorkspaceStateActivity(rig.Arm);
        var plan = new PlanWorkspaceActivity(settings);
        foreach (string ws in Fleet.All)
        {
            var network = (await rig.Arm.GetWorkspaceAsync(ws)).Properties.ManagedNetwork;
            networks[ws] = (network?.IsolationMode, network?.Status?.Status);
            var state = await read.RunAsync(new ReadWorkspaceStateInput(ws, Computes: true, RoleAssignments: true, Policy));
            plans[ws] = await plan.RunAsync(new PlanWorkspaceInput(Policy, state.State!, rig.Clock.GetUtcNow()));
        }

        Networks = networks;
        PlansAfter = plans;
        var differences = new List<string>();
        foreach (var target in Fleet.Migrate) differences.AddRange(await ReliabilityInvariants.RestoredDifferencesAsync(rig.Arm, target));
        RestoredDifferences = differences;
        RoleAssignments = ReliabilityInvariants.RoleAssignments(rig.Emulator);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The workspaces spread over the engines, all started at once, approved as they ask; states in fleet order.</summary>
    async Task<IReadOnlyList<OrchestrationMetadata>> RunAsync(EngineShards shards, IReadOnlyList<string> workspaces, WorkflowTimings timings, bool dryRun)
    {
        var runs = shards.Clients.Select(async (client, e) =>
        {
            var mine = workspaces.Where((_, i) => i % shards.Clients.Count == e).ToList();
            var ids = await OnboardingDriver.StartAsync(client, mine, Policy, timings, dryRun);
            return await OnboardingDriver.RunApprovingAsync(client, ids, RunTimeout);
        }).ToList();
        var byEngine = await Task.WhenAll(runs);
        var byWorkspace = byEngine.SelectMany(states => states)
            .ToDictionary(s => s.InstanceId, StringComparer.Ordinal);
        return [.. workspaces.Select(ws => byWorkspace[WorkflowInstanceIds.ForWorkspace(ws)])];
    }

    /// <summary>
    /// The rig's cadence with a long bound on confirming private endpoint rules: engine latency under load, not the
    /// service, decides how much ARM time passes between two checks here.
    /// </summary>
    static WorkflowTimings Timings(WorkflowRig rig) => rig.Timings with { ConfirmTimeout = TimeSpan.FromHours(10) };
}
