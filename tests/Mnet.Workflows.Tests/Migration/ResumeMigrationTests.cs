using Mnet.Emulator;
using Mnet.Emulator.Faults;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Migration;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Migration;

/// <summary>A migration that stopped past its deletes, finished by resumeMigration (TS durable/orchestrations/migrate-computes).</summary>
public sealed class ResumeMigrationTests
{
    static MigrateComputesInput Migrate(MigrationFixture f, WorkflowRig rig, string migrationId, string mode = "automatic") => new()
    {
        WorkspaceId = f.WorkspaceId,
        Policy = MigrationPolicies.Approved(mode),
        Request = new RequestMetadata(TriggerSource.Cli),
        MigrationId = migrationId,
        Timings = rig.Timings,
    };

    static ResumeMigrationInput Resume(MigrationFixture f, WorkflowRig rig, string migrationId) => new()
    {
        WorkspaceId = f.WorkspaceId,
        MigrationId = migrationId,
        Policy = MigrationPolicies.Approved(),
        Request = new RequestMetadata(TriggerSource.Http),
        Timings = rig.Timings,
    };

    static string InstanceId(MigrationFixture f) => WorkflowInstanceIds.ForWorkspace(f.WorkspaceId, InstancePurpose.Migrate);

    static Task<MigrateComputesOutput> RunAsync<TInput>(WorkflowRig rig, string orchestrator, TInput input, string? id = null) =>
        rig.RunAsync<TInput, MigrateComputesOutput>(orchestrator, input, id);

    [Fact]
    public async Task AFailureAfterDeletionKeepsTheSnapshots_ResumeRecreatesOnlyWhatIsMissing_AndAgainIsANoOp()
    {
        // TS: a failure after deletion keeps the snapshots; resumeMigration recreates only what is missing, and again
        // is a no-op. cluster-1 cannot be recreated: a permanent 400 on every attempt of its PUT.
        await using var rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions());
        var f = await MigrationFixture.BuildAsync(rig.Arm);
        int fault = rig.Emulator.Faults.Add(new FaultSpec(new StatusFault(400, "QuotaExceeded", "no cores left"), Path: "/computes/cluster-1", Method: "PUT"));

        var failed = await RunAsync(rig, WorkflowNames.MigrateComputes, Migrate(f, rig, "mig-quota"), InstanceId(f));
        Assert.Equal(MigrationResult.Failed, failed.Result);
        Assert.Contains("compute cluster-1", failed.Missing);
        Assert.Equal("RecreateFailed", failed.Errors[0].Code);
        Assert.Contains("QuotaExceeded", failed.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(["ci-user-0", "ci-user-1", "ci-user-2", "cluster-0", "cluster-2"],
            (await rig.Arm.ListComputesAsync(f.WorkspaceId)).Select(c => c.Name).Order());

        rig.Emulator.Faults.Remove(fault);
        long mark = rig.Mark();
        var resumed = await RunAsync(rig, WorkflowNames.ResumeMigration, Resume(f, rig, "mig-quota"), InstanceId(f));
        Assert.True(resumed.Result == MigrationResult.Migrated, MigrateComputesTests.Describe(resumed));
        Assert.Equal(["cluster-1"], RequestCounts.By(rig.RequestsSince(mark), "PUT", RequestCounts.Compute).Keys);
        Assert.DoesNotContain(rig.RequestsSince(mark), r => r.Method == "DELETE");
        var cluster1 = await rig.Arm.GetComputeAsync($"{f.WorkspaceId}/computes/cluster-1");
        Definitions.AssertSame(Definitions.Of(f.Computes.Single(c => c.Name == "cluster-1")), Definitions.Of(cluster1), "cluster-1");

        mark = rig.Mark();
        var again = await RunAsync(rig, WorkflowNames.ResumeMigration, Resume(f, rig, "mig-quota"), InstanceId(f));
        Assert.Equal(MigrationResult.Migrated, again.Result);
        Assert.Empty(rig.WritesSince(mark)); // nothing left to do
    }

    [Fact]
    public async Task ProvisioningThatFailsAfterDeletion_StopsWithComputesMissing_ResumeProvisionsAndRecreates()
    {
        // TS: provisioning that fails after deletion: the migration stops with computes missing; resumeMigration
        // provisions and recreates.
        await using var rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions(new WorkflowRigOptions
        {
            Durations = MigrationFixture.FastDurations with { ProvisionManagedNetwork = TimeSpan.FromMinutes(20) },
        }));
        var f = await MigrationFixture.BuildAsync(rig.Arm);
        rig.Emulator.Faults.Add(new FaultSpec(new LroFailFault("InternalError", "provisioning broke"), Path: "provisionManagedNetwork", Method: "POST", Times: 1));

        var failed = await RunAsync(rig, WorkflowNames.MigrateComputes, Migrate(f, rig, "mig-provision"), InstanceId(f));
        Assert.Equal(MigrationResult.Failed, failed.Result);
        var provision = failed.Outcomes.Single(o => o.StepId == "provision-network");
        Assert.Equal(StepStatus.Failed, provision.Status);
        Assert.Contains("provisioning broke", provision.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(await rig.Arm.ListComputesAsync(f.WorkspaceId));
        Assert.Equal(8, failed.Missing.Count);

        var resumed = await RunAsync(rig, WorkflowNames.ResumeMigration, Resume(f, rig, "mig-provision"));
        Assert.True(resumed.Result == MigrationResult.Migrated, MigrateComputesTests.Describe(resumed));
        Assert.Equal(6, (await rig.Arm.ListComputesAsync(f.WorkspaceId)).Count);
        Assert.Equal("Active", (await rig.Arm.GetWorkspaceAsync(f.WorkspaceId)).Properties.ManagedNetwork?.Status?.Status);
    }

    [Fact]
    public async Task AComputeWhoseRecreateEndedFailed_ResumeDeletesItOnce_RecreatesIt_AndASecondResumeIsANoOp()
    {
        // TS: a compute whose recreate ENDED Failed: resumeMigration deletes it once, recreates it from the snapshot,
        // and a second resume is a no-op. cluster-1's create is accepted, then its operation fails: left in state Failed.
        await using var rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions());
        var f = await MigrationFixture.BuildAsync(rig.Arm);
        rig.Emulator.Faults.Add(new FaultSpec(new LroFailFault("AllocationFailed", "no capacity in the region"), Path: "/computes/cluster-1", Method: "PUT", Times: 1));

        var failed = await RunAsync(rig, WorkflowNames.MigrateComputes, Migrate(f, rig, "mig-failed-create"), InstanceId(f));
        Assert.Equal(MigrationResult.Failed, failed.Result);
        Assert.Contains("compute cluster-1", failed.Missing);
        Assert.Matches("compute cluster-1: .*AllocationFailed", string.Join("; ", failed.Errors.Select(e => e.Message)));
        Assert.Equal("Failed", (await rig.Arm.GetComputeAsync($"{f.WorkspaceId}/computes/cluster-1")).Properties.ProvisioningState);

        long mark = rig.Mark();
        var resumed = await RunAsync(rig, WorkflowNames.ResumeMigration, Resume(f, rig, "mig-failed-create"), InstanceId(f));
        Assert.True(resumed.Result == MigrationResult.Migrated, MigrateComputesTests.Describe(resumed));
        Assert.Contains("replaced (were Failed): compute cluster-1",
            resumed.Outcomes.Single(o => o.StepId == MigrationRun.StepId("recreate")).Detail, StringComparison.Ordinal);

        var cluster1 = await rig.Arm.GetComputeAsync($"{f.WorkspaceId}/computes/cluster-1");
        Assert.Equal("Succeeded", cluster1.Properties.ProvisioningState);
        Definitions.AssertSame(Definitions.Of(f.Computes.Single(c => c.Name == "cluster-1")), Definitions.Of(cluster1), "cluster-1");
        Assert.False(cluster1.Properties.Properties?.ContainsKey("subnet") ?? false, "recreated inside the managed network");
        // Deleted exactly once after the failure, then created once; nothing else touched.
        var requests = rig.RequestsSince(mark);
        Assert.Equal(new Dictionary<string, int> { ["cluster-1"] = 1 }, RequestCounts.By(requests, "DELETE", RequestCounts.Compute));
        Assert.Equal(new Dictionary<string, int> { ["cluster-1"] = 1 }, RequestCounts.By(requests, "PUT", RequestCounts.Compute));
        Assert.Equal(2, rig.WritesSince(mark).Count);
        Assert.Contains(resumed.Outcomes, o => o.StepId == MigrationRun.StepId("verify") && o.Status == StepStatus.Succeeded);

        mark = rig.Mark();
        var again = await RunAsync(rig, WorkflowNames.ResumeMigration, Resume(f, rig, "mig-failed-create"), InstanceId(f));
        Assert.Equal(MigrationResult.Migrated, again.Result);
        Assert.Empty(rig.WritesSince(mark));
    }
}
