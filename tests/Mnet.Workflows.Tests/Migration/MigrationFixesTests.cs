using System.Text.Json;
using Mnet.Arm.Recreate;
using Mnet.Core.Resources;
using Mnet.Emulator.Faults;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Migration;
using Mnet.Workflows.Migration.Activities;
using Mnet.Workflows.Stores.Snapshots;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Migration;

/// <summary>Issue 15's migration fixes, each written first as a failing test against the straightforward port.</summary>
public sealed class MigrationFixesTests
{
    static MigrateComputesInput Input(MigrationFixture f, WorkflowRig rig, string migrationId, string mode = "automatic") => new()
    {
        WorkspaceId = f.WorkspaceId,
        Policy = MigrationPolicies.Approved(mode),
        Request = new RequestMetadata(TriggerSource.Cli),
        MigrationId = migrationId,
        Timings = rig.Timings,
    };

    static string InstanceId(MigrationFixture f) => WorkflowInstanceIds.ForWorkspace(f.WorkspaceId, InstancePurpose.Migrate);

    [Fact]
    public async Task Fix1_MigrateOnACompliantWorkspace_NothingToMigrate_ZeroWrites()
    {
        // The TS printed "No compute needs migrating", then deleted and recreated every compute anyway.
        await using var rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions());
        var f = await MigrationFixture.BuildAsync(rig.Arm, new ComputeSet(2, 1, 1, 1, ComputeSet.Subnet));
        var first = await rig.RunAsync<MigrateComputesInput, MigrateComputesOutput>(WorkflowNames.MigrateComputes, Input(f, rig, "mig-1"), InstanceId(f));
        Assert.True(first.Result == MigrationResult.Migrated, MigrateComputesTests.Describe(first));
        var before = await rig.Arm.ListComputesAsync(f.WorkspaceId);
        long mark = rig.Mark();

        var again = await rig.RunAsync<MigrateComputesInput, MigrateComputesOutput>(WorkflowNames.MigrateComputes, Input(f, rig, "mig-2"), InstanceId(f));

        Assert.True(again.Result == MigrationResult.NothingToMigrate, MigrateComputesTests.Describe(again));
        Assert.Empty(rig.WritesSince(mark));
        Assert.Empty(again.Deleted);
        Assert.Null(await new SnapshotStore(rig.Store).ReadManifestAsync(f.WorkspaceId, "mig-2"));
        var after = await rig.Arm.ListComputesAsync(f.WorkspaceId);
        Assert.Equal(
            before.Select(c => (c.Name, c.Properties.Extra?["createdOn"].GetString())),
            after.Select(c => (c.Name, c.Properties.Extra?["createdOn"].GetString())));
    }

    [Fact]
    public async Task Fix4_AFailedDeleteBatchRecreatesWhatItHadAlreadyDeleted_AndChangesNothingElse()
    {
        // The TS stopped with the first batches' computes deleted and nothing recreating them but a later resume.
        await using var rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions());
        var f = await MigrationFixture.BuildAsync(rig.Arm);
        // Batches of 2 in manifest order: cluster-0 + cluster-1, then cluster-2 + ci-user-0 (ci-user-0 refuses).
        rig.Emulator.Faults.Add(new FaultSpec(new StatusFault(409, "ComputeInUse", "a job is running"), Path: "/computes/ci-user-0", Method: "DELETE"));
        long mark = rig.Mark();

        var output = await rig.RunAsync<MigrateComputesInput, MigrateComputesOutput>(WorkflowNames.MigrateComputes, Input(f, rig, "mig-batch"), InstanceId(f));

        Assert.Equal(MigrationResult.Failed, output.Result);
        Assert.Equal("DeleteFailed", output.Errors[0].Code);
        Assert.Equal(["compute cluster-0", "compute cluster-1", "compute cluster-2"], output.Deleted.Order());
        Assert.Empty(output.Missing);
        Assert.Contains(output.Outcomes, o => o.StepId == MigrationRun.StepId("restore") && o.Status == StepStatus.Succeeded);
        // Every compute is back as it was (the network did not change: clusters keep their subnet).
        var after = await rig.Arm.ListComputesAsync(f.WorkspaceId);
        Assert.Equal(f.Computes.Select(c => c.Name).Order(), after.Select(c => c.Name).Order());
        foreach (var c in after)
        {
            var was = f.Computes.Single(b => b.Name == c.Name);
            Definitions.AssertSame(ArmJson.SerializeToElement(ComputeRecreate.Body(was, false)), ArmJson.SerializeToElement(ComputeRecreate.Body(c, false)), c.Name);
        }

        var requests = rig.RequestsSince(mark);
        Assert.Equal(3, RequestCounts.By(requests, "PUT", RequestCounts.Compute).Count);
        Assert.DoesNotContain(requests, r => r.Method is "PATCH" or "POST");
        Assert.Equal(IsolationMode.Disabled, (await rig.Arm.GetWorkspaceAsync(f.WorkspaceId)).Properties.ManagedNetwork?.IsolationMode ?? IsolationMode.Disabled);
    }

    [Fact]
    public async Task Fix6_ALateDuplicateDeleteNeverDeletesARecreatedResource()
    {
        // A redelivered delete activity running after the recreate: the TS read the compute, found it there and
        // not deleting, and deleted it again.
        await using var rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions());
        var f = await MigrationFixture.BuildAsync(rig.Arm, new ComputeSet(2, 0, 1, 1, ComputeSet.Subnet));
        var migrated = await rig.RunAsync<MigrateComputesInput, MigrateComputesOutput>(WorkflowNames.MigrateComputes, Input(f, rig, "mig-late"), InstanceId(f));
        Assert.True(migrated.Result == MigrationResult.Migrated, MigrateComputesTests.Describe(migrated));
        var snapshots = new SnapshotStore(rig.Store);
        long mark = rig.Mark();

        // 1. Recreated by this migration (its mark is in the store): left alone.
        var compute = await new StartDeleteComputeActivity(rig.Arm, snapshots).RunAsync(
            new StartDeleteInput(f.WorkspaceId, "mig-late", SnapshotKind.Compute, "cluster-0"));
        var endpoint = await new StartDeleteOnlineEndpointActivity(rig.Arm, snapshots).RunAsync(
            new StartDeleteInput(f.WorkspaceId, "mig-late", SnapshotKind.Endpoint, "ep-0"));
        Assert.Equal(OperationStartState.Done, compute.State);
        Assert.Equal(OperationStartState.Done, endpoint.State);
        Assert.Contains("recreated by this migration", compute.Note, StringComparison.Ordinal);

        // 2. Being created (busy): nothing sent, start again later. cluster-1 is created anew and never finishes.
        string cluster1 = $"{f.WorkspaceId}/computes/cluster-1";
        var definition = await rig.Arm.GetComputeAsync(cluster1);
        await rig.Arm.DeleteComputeAndWaitAsync(cluster1);
        rig.Emulator.Faults.Add(new FaultSpec(new LroNeverFinishFault(), Path: "/computes/cluster-1", Method: "PUT", Times: 1));
        await rig.Arm.BeginCreateComputeAsync(cluster1, ComputeRecreate.Body(definition, true));
        mark = rig.Mark();
        var busy = await new StartDeleteComputeActivity(rig.Arm, snapshots).RunAsync(
            new StartDeleteInput(f.WorkspaceId, "mig-late", SnapshotKind.Compute, "cluster-1"));
        Assert.Equal(OperationStartState.Busy, busy.State);

        // 3. Another incarnation than the snapshot's: a migration that saved the original cluster-0 and never
        // recreated it (no mark) finds the cluster-0 created since (by mig-late) and leaves it alone too.
        await snapshots.SaveAsync(new SnapshotDocument
        {
            Kind = SnapshotKind.Compute,
            Name = "cluster-0",
            WorkspaceId = f.WorkspaceId,
            MigrationId = "mig-other",
            CapturedAt = rig.Clock.GetUtcNow(),
            Definition = ArmJson.SerializeToElement(f.Computes.Single(c => c.Name == "cluster-0")),
        });
        var other = await new StartDeleteComputeActivity(rig.Arm, snapshots).RunAsync(
            new StartDeleteInput(f.WorkspaceId, "mig-other", SnapshotKind.Compute, "cluster-0"));
        Assert.Equal(OperationStartState.Done, other.State);
        Assert.Contains("not the snapshotted resource", other.Note, StringComparison.Ordinal);

        Assert.DoesNotContain(rig.RequestsSince(mark), r => r.Method == "DELETE");
        Assert.Equal(2, (await rig.Arm.ListComputesAsync(f.WorkspaceId)).Count);
    }
}
