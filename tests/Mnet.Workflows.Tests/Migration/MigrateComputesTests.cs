using Mnet.Core.Resources;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Migration;
using Mnet.Workflows.Stores.Snapshots;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Migration;

/// <summary>The compute migration on the real engine against the emulator (TS durable/orchestrations/migrate-computes).</summary>
public sealed class MigrateComputesTests
{
    static MigrateComputesInput Input(MigrationFixture f, WorkflowRig rig, Core.Policy.Policy policy, string? migrationId = null, bool dryRun = false) => new()
    {
        WorkspaceId = f.WorkspaceId,
        Policy = policy,
        Request = new RequestMetadata(TriggerSource.Cli, TicketId: "CHG-42"),
        MigrationId = migrationId,
        DryRun = dryRun,
        Timings = rig.Timings,
    };

    static string InstanceId(MigrationFixture f) => WorkflowInstanceIds.ForWorkspace(f.WorkspaceId, InstancePurpose.Migrate);

    [Fact]
    public async Task FullSet_MigratedIntoTheManagedNetwork_SameDefinitions_EachDeletedAndRecreatedOnce()
    {
        // TS: 3 clusters, 3 instances, 2 endpoints x 2 deployments: migrated into the managed network, same
        // definitions, each deleted and recreated exactly once.
        await using var rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions());
        var f = await MigrationFixture.BuildAsync(rig.Arm);
        long mark = rig.Mark();

        // Through the onboarding, as the TS case: one approval for the whole plan, the migration as its sub-orchestration.
        string id = await rig.StartAsync(WorkflowNames.OnboardWorkspace, new OnboardWorkspaceInput
        {
            WorkspaceId = f.WorkspaceId,
            Policy = MigrationPolicies.Approved(),
            Request = new RequestMetadata(TriggerSource.Http, TicketId: "CHG-42"),
            Timings = rig.Timings,
        }, WorkflowInstanceIds.ForWorkspace(f.WorkspaceId));
        var waiting = WorkflowRig.StatusOf(await rig.WaitForApprovalAsync(id))!;
        Assert.Contains("migrate-computes", waiting.WaitingForApproval!.StepIds);
        Assert.Equal("CHG-42", waiting.TicketId);
        await rig.ApproveAsync(id);
        var onboarded = WorkflowRig.OutputOf<OnboardWorkspaceOutput>(await rig.WaitAsync(id));
        Assert.True(onboarded.Result == OnboardResult.Applied,
            string.Join(" | ", onboarded.Outcomes.Select(o => $"{o.StepId} {o.Status} {o.Detail} {o.Error}")));
        Assert.NotNull(onboarded.MigrationId);

        var ws = await rig.Arm.GetWorkspaceAsync(f.WorkspaceId);
        Assert.Equal(IsolationMode.AllowOnlyApprovedOutbound, ws.Properties.ManagedNetwork?.IsolationMode);
        Assert.Equal("Active", ws.Properties.ManagedNetwork?.Status?.Status);

        // Same computes, same definitions (read-only fields aside), no customer subnet, no duplicates.
        var after = await rig.Arm.ListComputesAsync(f.WorkspaceId);
        Assert.Equal(f.Computes.Select(c => c.Name).Order(), after.Select(c => c.Name).Order());
        foreach (var c in after)
        {
            Assert.Equal("Succeeded", c.Properties.ProvisioningState);
            Definitions.AssertSame(Definitions.Of(f.Computes.Single(b => b.Name == c.Name)), Definitions.Of(c), c.Name);
            Assert.False(c.Properties.Properties?.ContainsKey("subnet") ?? false, $"{c.Name} has no subnet");
        }

        var instance = after.Single(c => c.Name == "ci-user-1");
        var assigned = instance.Properties.Properties!["personalComputeInstanceSettings"].GetProperty("assignedUser");
        Assert.Equal("00000001-1111-4111-8111-111111111111", assigned.GetProperty("objectId").GetString());
        Assert.Equal(MigrationFixture.Tenant, assigned.GetProperty("tenantId").GetString());
        Assert.True(instance.Properties.Properties.ContainsKey("setupScripts") && instance.Properties.Properties.ContainsKey("schedules"));

        var endpoints = await rig.Arm.ListOnlineEndpointsAsync(f.WorkspaceId);
        Assert.Equal(["ep-0", "ep-1"], endpoints.Select(e => e.Name).Order());
        foreach (var built in f.Endpoints)
        {
            var now = endpoints.Single(e => e.Name == built.Endpoint.Name);
            Definitions.AssertSame(Definitions.Of(built.Endpoint), Definitions.Of(now), $"{now.Name} (traffic included)");
            var deployments = await rig.Arm.ListOnlineDeploymentsAsync($"{f.WorkspaceId}/onlineEndpoints/{now.Name}");
            Assert.Equal(built.Deployments.Count, deployments.Count);
            foreach (var d in built.Deployments) Definitions.AssertSame(Definitions.Of(d), Definitions.Of(deployments.Single(x => x.Name == d.Name)), d.Name);
        }

        // The request log: every compute and endpoint deleted once, created once (endpoints: once more for traffic).
        var requests = rig.RequestsSince(mark);
        var deletes = RequestCounts.By(requests, "DELETE", RequestCounts.Compute);
        var creates = RequestCounts.By(requests, "PUT", RequestCounts.Compute);
        foreach (var c in f.Computes)
        {
            Assert.Equal(1, deletes.GetValueOrDefault(c.Name));
            Assert.Equal(1, creates.GetValueOrDefault(c.Name));
        }

        foreach (var built in f.Endpoints)
        {
            Assert.Equal(1, RequestCounts.By(requests, "DELETE", RequestCounts.Endpoint).GetValueOrDefault(built.Endpoint.Name));
            Assert.Equal(2, RequestCounts.By(requests, "PUT", RequestCounts.Endpoint).GetValueOrDefault(built.Endpoint.Name)); // create, then traffic
            foreach (var d in built.Deployments)
            {
                Assert.Equal(1, RequestCounts.By(requests, "PUT", RequestCounts.Deployment).GetValueOrDefault($"{built.Endpoint.Name}/deployments/{d.Name}"));
            }
        }

        Assert.Empty(RequestCounts.By(requests, "DELETE", RequestCounts.Deployment)); // deployments go with their endpoint

        // Deletes respect max_parallel_deletes (2): at most 2 deletes in flight, 8 in all.
        var deleteRequests = requests.Where(r => r.Method == "DELETE").ToList();
        Assert.Equal(8, deleteRequests.Count);
        Assert.All(deleteRequests.GroupBy(r => r.Time), g => Assert.True(g.Count() <= 2, $"{g.Count()} deletes at {g.Key}"));

        // Every delete before the mode change; every create after the provisioning started.
        long lastDelete = deleteRequests.Max(r => r.Seq);
        long patch = requests.Where(r => r.Method == "PATCH" && r.Path.EndsWith("/workspaces/ws-mig", StringComparison.OrdinalIgnoreCase)).Min(r => r.Seq);
        long provision = requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/provisionManagedNetwork", StringComparison.OrdinalIgnoreCase)).Min(r => r.Seq);
        Assert.True(lastDelete < patch);
        Assert.True(requests.Where(r => r.Method == "PUT" && RequestCounts.Compute.IsMatch(r.Path)).Min(r => r.Seq) > provision);

        // Snapshots remain in the store, with the manifest.
        var snapshots = new SnapshotStore(rig.Store);
        var manifest = await snapshots.ReadManifestAsync(f.WorkspaceId, onboarded.MigrationId);
        Assert.NotNull(manifest);
        Assert.Equal(6, manifest.Computes.Count);
        Assert.Equal(4, manifest.DeploymentCount);
        var keys = await snapshots.ListAsync(f.WorkspaceId, onboarded.MigrationId);
        Assert.Equal(6 + 2 + 4 + 1, keys.Count(k => !k.Contains("/recreated/", StringComparison.Ordinal)));
        Assert.Contains(onboarded.Outcomes, o => o.StepId == MigrationRun.StepId("verify") && o.Status == StepStatus.Succeeded);
    }

    [Fact]
    public async Task EveryDefinitionIsInTheStore_BeforeTheFirstDeleteIsSent()
    {
        // TS: every definition is in the snapshot store before the first delete is even scheduled. Here the real
        // client is watched: at the first delete request, the manifest and every snapshot it names must be readable.
        var seen = new List<string>();
        var firstDelete = 0;
        WorkflowRig rig = null!;
        MigrationFixture f = null!;
        rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions(new WorkflowRigOptions
        {
            Services = s => ArmInterceptor.Install(s, async method =>
            {
                // Deletes are sent in parallel: only the first one looks (claimed atomically, before any await).
                if (!method.StartsWith("BeginDelete", StringComparison.Ordinal) || Interlocked.Exchange(ref firstDelete, 1) == 1) return;
                var snapshots = new SnapshotStore(rig.Store);
                var manifest = await snapshots.ReadManifestAsync(f.WorkspaceId, "mig-first-delete");
                lock (seen)
                {
                    seen.Add(manifest is null ? "no manifest" : $"manifest: {manifest.Computes.Count} computes, {manifest.OnlineEndpoints.Count} endpoints");
                }

                foreach (string key in manifest is null ? [] : manifest.Computes.Select(c => c.Key)
                             .Concat(manifest.OnlineEndpoints.SelectMany(e => e.Deployments.Select(d => d.Key).Prepend(e.Key))))
                {
                    var doc = await snapshots.ReadAsync(key);
                    lock (seen) seen.Add($"{doc.Kind} {doc.Name}");
                }
            }),
        }));
        await using var disposing = rig;
        f = await MigrationFixture.BuildAsync(rig.Arm);
        long mark = rig.Mark();

        var output = await rig.RunAsync<MigrateComputesInput, MigrateComputesOutput>(WorkflowNames.MigrateComputes,
            Input(f, rig, MigrationPolicies.Approved("automatic"), "mig-first-delete"), InstanceId(f));

        Assert.True(output.Result == MigrationResult.Migrated, Describe(output));
        Assert.Equal("manifest: 6 computes, 2 endpoints", seen[0]);
        Assert.Equal(1 + 6 + 2 + 4, seen.Count);
        Assert.Equal(8, rig.RequestsSince(mark).Count(r => r.Method == "DELETE"));
    }

    [Fact]
    public async Task StandaloneMigrationWaitingForApproval_Rejected_NothingDeleted_SnapshotsKept()
    {
        // TS: standalone migration waiting for approval: rejected, nothing deleted, snapshots kept.
        await using var rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions());
        var f = await MigrationFixture.BuildAsync(rig.Arm);
        long mark = rig.Mark();

        string id = await rig.StartAsync(WorkflowNames.MigrateComputes, Input(f, rig, MigrationPolicies.Approved(), "mig-rejected"), InstanceId(f));
        var waiting = WorkflowRig.StatusOf(await rig.WaitForApprovalAsync(id))!;
        Assert.Equal([MigrationRun.StepId("delete")], waiting.WaitingForApproval!.StepIds);
        await rig.RejectAsync(id, "owner@contoso.com");
        var output = WorkflowRig.OutputOf<MigrateComputesOutput>(await rig.WaitAsync(id));

        Assert.Equal(MigrationResult.Rejected, output.Result);
        Assert.Empty(output.Deleted);
        Assert.Empty(rig.WritesSince(mark));
        Assert.NotNull(await new SnapshotStore(rig.Store).ReadManifestAsync(f.WorkspaceId, "mig-rejected"));
        Assert.Contains(output.Outcomes, o => o.StepId == MigrationRun.StepId("approval") && o.Status == StepStatus.Rejected);
    }

    [Fact]
    public async Task UnsupportedComputes_Refused_UnlessSkipUnsupportedLeavesThemInPlace()
    {
        // TS: unsupported computes: the migration refuses with the reason, unless skip_unsupported leaves them in place.
        await using var rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions());
        var f = await MigrationFixture.BuildAsync(rig.Arm);
        await rig.Arm.CreateComputeAndWaitAsync($"{f.WorkspaceId}/computes/aks-attached", new Arm.Recreate.ComputeCreateBody
        {
            Location = "eastus",
            Properties = new ComputeProperties
            {
                ComputeType = "Kubernetes",
                ResourceId = $"/subscriptions/{Emulator.Scenarios.EmptyScenario.SubscriptionId}/resourceGroups/rg-mig/providers/Microsoft.ContainerService/managedClusters/aks1",
                Properties = new Dictionary<string, System.Text.Json.JsonElement>(),
            },
        });
        long mark = rig.Mark();

        var refused = await rig.RunAsync<MigrateComputesInput, MigrateComputesOutput>(
            WorkflowNames.MigrateComputes, Input(f, rig, MigrationPolicies.Approved("automatic")));
        Assert.Equal(MigrationResult.Refused, refused.Result);
        Assert.Contains("aks-attached (Kubernetes)", refused.Errors[0].Message, StringComparison.Ordinal);
        Assert.Empty(rig.WritesSince(mark));

        var dry = await rig.RunAsync<MigrateComputesInput, MigrateComputesOutput>(
            WorkflowNames.MigrateComputes, Input(f, rig, MigrationPolicies.Approved("automatic", skipUnsupported: true), dryRun: true));
        Assert.Equal(MigrationResult.DryRun, dry.Result);
        Assert.Contains("aks-attached", dry.Skipped[0], StringComparison.Ordinal);
        Assert.Empty(rig.WritesSince(mark));
    }

    [Fact]
    public async Task DryRun_RecordsEveryPhaseAsPlanned_WritesNothing_SavesNothing()
    {
        await using var rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions());
        var f = await MigrationFixture.BuildAsync(rig.Arm);
        long mark = rig.Mark();

        var output = await rig.RunAsync<MigrateComputesInput, MigrateComputesOutput>(
            WorkflowNames.MigrateComputes, Input(f, rig, MigrationPolicies.Approved(), "mig-dry", dryRun: true));

        Assert.Equal(MigrationResult.DryRun, output.Result);
        foreach (string phase in new[] { "snapshot", "delete", "recreate", "verify" })
        {
            Assert.Contains(output.Outcomes, o => o.StepId == MigrationRun.StepId(phase) && o.Status == StepStatus.Planned);
        }

        Assert.Contains(output.Outcomes, o => o.StepId == "set-isolation-mode" && o.Status == StepStatus.Planned);
        Assert.Empty(rig.WritesSince(mark));
        Assert.Empty(await rig.Store.ListAsync(""));
    }

    [Fact]
    public async Task EveryActivityRunTwice_AtLeastOnceDelivery_NothingDeletedOrCreatedTwice()
    {
        // At-least-once: every activity runs twice in a row (the first run's I/O done, its reply lost).
        await using var rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions(new WorkflowRigOptions { Redelivery = ActivityRedelivery.All }));
        var f = await MigrationFixture.BuildAsync(rig.Arm, new ComputeSet(2, 1, 1, 2, ComputeSet.Subnet));
        long mark = rig.Mark();

        var output = await rig.RunAsync<MigrateComputesInput, MigrateComputesOutput>(
            WorkflowNames.MigrateComputes, Input(f, rig, MigrationPolicies.Approved("automatic")), InstanceId(f));

        Assert.True(output.Result == MigrationResult.Migrated, Describe(output));
        var requests = rig.RequestsSince(mark);
        var computeDeletes = RequestCounts.By(requests, "DELETE", RequestCounts.Compute);
        var computeCreates = RequestCounts.By(requests, "PUT", RequestCounts.Compute);
        foreach (var c in f.Computes)
        {
            Assert.Equal(1, computeDeletes.GetValueOrDefault(c.Name));
            Assert.Equal(1, computeCreates.GetValueOrDefault(c.Name));
            Definitions.AssertSame(Definitions.Of(c), Definitions.Of(await rig.Arm.GetComputeAsync(c.Id!)), c.Name);
        }

        Assert.Equal(1, RequestCounts.By(requests, "DELETE", RequestCounts.Endpoint).GetValueOrDefault("ep-0"));
        Assert.Equal(2, RequestCounts.By(requests, "PUT", RequestCounts.Endpoint).GetValueOrDefault("ep-0"));
        Assert.All(RequestCounts.By(requests, "PUT", RequestCounts.Deployment).Values, n => Assert.Equal(1, n));
        Assert.Single(requests, r => r.Method == "PATCH");
    }

    internal static string Describe(MigrateComputesOutput output) =>
        $"{output.Result}: {string.Join(" | ", output.Outcomes.Select(o => $"{o.StepId} {o.Status} {o.Detail} {o.Error}"))}";
}
