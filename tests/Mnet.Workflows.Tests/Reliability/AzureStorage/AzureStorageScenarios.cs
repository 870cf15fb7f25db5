using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;
using Mnet.Core.Resources;
using Mnet.Emulator.Recording;
using Mnet.TestSupport.Azurite;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores.Reports;
using Mnet.Workflows.Tests.Migration;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Reliability.AzureStorage;

/// <summary>
/// One success path of each orchestrator on the Azure Storage backend over Azurite (the provider Durable Functions
/// runs in Azure), all at once: each scenario has its own emulator, rig and task hub; they share one Azurite. The
/// scenarios and their checks are those of the TS crash suite (tests/reliability/support/crash-scenarios), without the
/// crashes. Each scenario's outcome (its assertion failure, if any) is kept for its test in
/// <see cref="AzureStorageOrchestratorTests"/>.
/// </summary>
public sealed class AzureStorageScenarios : IAsyncLifetime
{
    /// <summary>Azure Storage timers fire up to a second off: at 300x a second is five ARM minutes, well inside every bound here.</summary>
    const double Scale = 300;

    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    static int next;

    readonly ConcurrentDictionary<string, ExceptionDispatchInfo> failures = new();
    readonly ConcurrentDictionary<string, TimeSpan> durations = new();
    AzuriteFixture? azurite;

    public static IReadOnlyDictionary<string, Func<WorkflowRig, Task>> All { get; } = new Dictionary<string, Func<WorkflowRig, Task>>
    {
        [WorkflowNames.OnboardWorkspace] = OnboardWorkspaceAsync,
        [WorkflowNames.ProvisionNetwork] = ProvisionNetworkAsync,
        [WorkflowNames.AssignApproverRoles] = AssignApproverRolesAsync,
        [WorkflowNames.DriftScan] = DriftScanAsync,
        [WorkflowNames.CreateWorkspace] = CreateWorkspaceAsync,
    };

    /// <summary>From the first scenario's start to the last one's end.</summary>
    public TimeSpan Elapsed { get; private set; }

    public async Task InitializeAsync()
    {
        azurite = await AzuriteFixture.StartAsync();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(All.Select(async scenario =>
        {
            var own = Stopwatch.StartNew();
            try
            {
                await using var rig = await WorkflowRig.StartAsync(new WorkflowRigOptions
                {
                    Scenario = "empty",
                    Scale = Scale,
                    Durations = MigrationFixture.FastDurations,
                    EngineStore = azurite.ConnectionString,
                    TaskHub = string.Create(CultureInfo.InvariantCulture, $"AzsRun{Environment.ProcessId}x{Interlocked.Increment(ref next)}"),
                });
                await scenario.Value(rig);
            }
            catch (Exception e)
            {
                failures[scenario.Key] = ExceptionDispatchInfo.Capture(e);
            }

            durations[scenario.Key] = own.Elapsed;
        }));
        Elapsed = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null) await azurite.DisposeAsync();
    }

    /// <summary>How long the scenario took; rethrows what failed it.</summary>
    public TimeSpan Check(string orchestrator)
    {
        if (failures.TryGetValue(orchestrator, out var failure)) failure.Throw();
        return durations[orchestrator];
    }

    /// <summary>The rig's cadence with a long bound on confirming rules (the engine's hops, not the service, set the pace).</summary>
    static WorkflowTimings Timings(WorkflowRig rig) => rig.Timings with { ConfirmTimeout = TimeSpan.FromHours(10) };

    static async Task<TOutput> RunAsync<TOutput>(WorkflowRig rig, string orchestrator, string instanceId, object input)
    {
        var started = await WorkflowStarter.StartOrGetAsync(rig.Client, orchestrator, instanceId, input);
        Assert.True(started.Started, $"{instanceId} was already running");
        return WorkflowRig.OutputOf<TOutput>(await rig.WaitAsync(instanceId, Timeout));
    }

    static async Task<OnboardWorkspaceOutput> OnboardApprovingAsync(WorkflowRig rig, string workspaceId, Core.Policy.Policy policy)
    {
        var ids = await OnboardingDriver.StartAsync(rig.Client, [workspaceId], policy, Timings(rig));
        return WorkflowRig.OutputOf<OnboardWorkspaceOutput>((await OnboardingDriver.RunApprovingAsync(rig.Client, ids, Timeout)).Single());
    }

    static int Accepted(IEnumerable<RecordedRequest> requests, string method, string pathPattern) =>
        requests.Count(r => r.Method == method && r.Status is >= 200 and < 300 && Regex.IsMatch(r.Path, pathPattern, RegexOptions.IgnoreCase));

    static async Task AssertActiveApprovedAsync(WorkflowRig rig, string workspaceId)
    {
        var network = (await rig.Arm.GetWorkspaceAsync(workspaceId)).Properties.ManagedNetwork;
        Assert.Equal(IsolationMode.AllowOnlyApprovedOutbound, network?.IsolationMode);
        Assert.Equal("Active", network?.Status?.Status);
    }

    /// <summary>A workspace with computes onboarded: they are migrated, the network provisioned once, the mode changed once.</summary>
    static async Task OnboardWorkspaceAsync(WorkflowRig rig)
    {
        await ReliabilityFleet.CreateSharedStorageAsync(rig.Arm);
        var target = await MigrationFixture.BuildAsync(rig.Arm, ReliabilityFleet.MigrationSet, "ws-azs-onb");
        long mark = rig.Mark();

        var output = await OnboardApprovingAsync(rig, target.WorkspaceId, ReliabilityFleet.Policy());

        Assert.True(output.Result == OnboardResult.Applied, string.Join("; ", output.Errors.Select(e => $"{e.Code} {e.Message}")));
        Assert.NotNull(output.MigrationId);
        await AssertActiveApprovedAsync(rig, target.WorkspaceId);
        Assert.Empty(await ReliabilityInvariants.RestoredDifferencesAsync(rig.Arm, target));
        var requests = rig.RequestsSince(mark);
        Assert.Equal(1, Accepted(requests, "PATCH", "/workspaces/ws-azs-onb$"));
        Assert.Equal(1, Accepted(requests, "POST", "/provisionManagedNetwork$"));
        Assert.Empty(ReliabilityInvariants.DeletedTwice(requests));
        Assert.Single(ReliabilityInvariants.RoleAssignments(rig.Emulator));
    }

    /// <summary>An approved-outbound workspace provisioned: Active, one request.</summary>
    static async Task ProvisionNetworkAsync(WorkflowRig rig)
    {
        string ws = (await WorkspaceFixtures.CreateAsync(rig.Arm, ReliabilityFleet.Subscription, "rg-prov", "ws-azs-prov", IsolationMode.AllowOnlyApprovedOutbound)).Id;
        long mark = rig.Mark();

        var output = await RunAsync<ProvisionNetworkOutput>(rig, WorkflowNames.ProvisionNetwork, WorkflowInstanceIds.ForWorkspace(ws, InstancePurpose.Provision),
            new ProvisionNetworkInput { WorkspaceId = ws, TimeoutMinutes = 600, Timings = Timings(rig) });

        Assert.Equal("Active", output.Status);
        await AssertActiveApprovedAsync(rig, ws);
        Assert.Equal(1, Accepted(rig.RequestsSince(mark), "POST", "/provisionManagedNetwork$"));
    }

    /// <summary>A workspace with a private endpoint rule to the shared account: its identity gets the approver role there, once.</summary>
    static async Task AssignApproverRolesAsync(WorkflowRig rig)
    {
        await ReliabilityFleet.CreateSharedStorageAsync(rig.Arm);
        string ws = (await WorkspaceFixtures.CreateAsync(rig.Arm, ReliabilityFleet.Subscription, "rg-roles", "ws-azs-roles", IsolationMode.AllowOnlyApprovedOutbound)).Id;
        await rig.Arm.PutOutboundRuleAsync(ws, "shared-blob", new PrivateEndpointOutboundRule
        {
            Category = "UserDefined",
            Destination = new PrivateEndpointDestination { ServiceResourceId = ReliabilityFleet.SharedStorage, SubresourceTarget = "blob", SparkEnabled = false },
        });

        var output = await RunAsync<AssignApproverRolesOutput>(rig, WorkflowNames.AssignApproverRoles, WorkflowInstanceIds.ForWorkspace(ws, InstancePurpose.Roles),
            new AssignApproverRolesInput { WorkspaceId = ws, Policy = ReliabilityFleet.Policy(), ConfirmActive = false, Timings = Timings(rig) });

        var onTarget = ReliabilityInvariants.RoleAssignments(rig.Emulator)
            .Where(a => string.Equals(a.Properties.Scope, ReliabilityFleet.SharedStorage, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(output.Assigned);
        Assert.Equal(output.Assigned.Count(a => string.Equals(a.Scope, ReliabilityFleet.SharedStorage, StringComparison.OrdinalIgnoreCase)), onTarget.Count);
        Assert.Empty(ReliabilityInvariants.DuplicateRoleAssignments(onTarget));
    }

    /// <summary>Two drifted workspaces: the scan saves its report and starts their onboardings, which then apply (fix 3: it never waits for them).</summary>
    static async Task DriftScanAsync(WorkflowRig rig)
    {
        await ReliabilityFleet.CreateSharedStorageAsync(rig.Arm);
        var ids = new List<string>();
        foreach (string name in new[] { "ws-drift-a", "ws-drift-b" })
        {
            ids.Add((await WorkspaceFixtures.CreateAsync(rig.Arm, ReliabilityFleet.Subscription, "rg-drift", name)).Id);
        }

        var policy = ReliabilityFleet.Policy("reliability-drift") with
        {
            Drift = new Core.Policy.PolicyDrift { Mode = Core.Policy.DriftMode.Remediate, MaxWorkspacesPerRun = 5 },
        };

        var output = await RunAsync<DriftScanOutput>(rig, WorkflowNames.DriftScan, WorkflowInstanceIds.DriftScan(policy.Name), new DriftScanInput
        {
            Policy = policy, Subscriptions = [ReliabilityFleet.Subscription], Request = new RequestMetadata(TriggerSource.Timer), Timings = Timings(rig),
        });

        Assert.Equal(2, output.Drifted);
        Assert.Equal(ids.Order(StringComparer.OrdinalIgnoreCase), output.Remediation.Select(r => r.WorkspaceId).Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        Assert.All(output.Remediation, r => Assert.Equal(RemediationStatus.Started, r.Status));
        Assert.Equal(output.ReportKey, (await new DriftReportStore(rig.Store).LatestAsync())?.Id);
        var onboardings = await OnboardingDriver.RunApprovingAsync(rig.Client, [.. output.Remediation.Select(r => r.InstanceId)], Timeout);
        Assert.All(onboardings, o => Assert.Equal(OnboardResult.Applied, WorkflowRig.OutputOf<OnboardWorkspaceOutput>(o).Result));
        foreach (string id in ids) await AssertActiveApprovedAsync(rig, id);
    }

    /// <summary>A new workspace created with its managed network: exactly one accepted PUT of it, Active.</summary>
    static async Task CreateWorkspaceAsync(WorkflowRig rig)
    {
        await ReliabilityFleet.CreateSharedStorageAsync(rig.Arm);
        await rig.Arm.CreateResourceGroupAsync(ReliabilityFleet.Subscription, "rg-new", "eastus");
        string ws = ResourceId.WorkspaceId(ReliabilityFleet.Subscription, "rg-new", "ws-azs-new");
        long mark = rig.Mark();

        var output = await RunAsync<CreateWorkspaceOutput>(rig, WorkflowNames.CreateWorkspace, WorkflowInstanceIds.ForWorkspace(ws, InstancePurpose.Create), new CreateWorkspaceInput
        {
            SubscriptionId = ReliabilityFleet.Subscription, ResourceGroup = "rg-new", Name = "ws-azs-new", Location = "eastus", Kind = "Default",
            Policy = ReliabilityFleet.Policy(), Request = new RequestMetadata(TriggerSource.Http), TenantId = WorkspaceFixtures.Tenant, Timings = Timings(rig),
        });

        Assert.Equal(CreateWorkspaceResult.Created, output.Result);
        await AssertActiveApprovedAsync(rig, ws);
        Assert.Equal(1, Accepted(rig.RequestsSince(mark), "PUT", "/workspaces/ws-azs-new$"));
    }
}
