using Mnet.Workflows.Migration.Activities;
using Mnet.Workflows.Stores;
using Mnet.Workflows.Stores.Snapshots;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Migration.Activities;

/// <summary>The snapshot activity against the emulator and a real store (TS durable/activities/snapshot-computes).</summary>
public sealed class SnapshotComputesActivityTests
{
    static readonly DateTimeOffset First = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ARedeliveredSnapshotRunThatOverlapsTheDeletes_NeverReplacesTheFirstManifest()
    {
        // TS: run A saved the manifest and the orchestrator deleted cpu-1; run B (the same activity, redelivered) had
        // looked for a manifest before A's write landed, and now finds cpu-1 gone. B must return A's manifest.
        await using var rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions());
        var f = await MigrationFixture.BuildAsync(rig.Arm, new ComputeSet(1, 0, 0, 0));
        var store = new SnapshotStore(rig.Store);
        var input = new SnapshotComputesInput(f.WorkspaceId, "m-race", ["cluster-0"], [], [], First);
        var a = await new SnapshotComputesActivity(rig.Arm, store).RunAsync(input);
        Assert.Equal(["cluster-0"], a.Manifest.Computes.Select(c => c.Name));
        await rig.Arm.DeleteComputeAndWaitAsync($"{f.WorkspaceId}/computes/cluster-0");

        var racing = new SnapshotStore(new FirstReadMisses(rig.Store, SnapshotStore.ManifestKey(f.WorkspaceId, "m-race")));
        var b = await new SnapshotComputesActivity(rig.Arm, racing).RunAsync(input with { CapturedAt = First.AddMinutes(5) });

        Assert.Equal(["cluster-0"], b.Manifest.Computes.Select(c => c.Name)); // the first manifest wins
        Assert.Equal(First, b.Manifest.CreatedAt);
        Assert.Equal(["cluster-0"], (await store.ReadManifestAsync(f.WorkspaceId, "m-race"))!.Computes.Select(c => c.Name));
        Assert.Equal(rig.Store.Location, b.Location);
    }

    [Fact]
    public async Task EveryDefinitionIsSavedAndReadBack_ThenTheManifest_AndARerunReturnsItUnchanged()
    {
        await using var rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions());
        var f = await MigrationFixture.BuildAsync(rig.Arm, new ComputeSet(1, 1, 1, 2, ComputeSet.Subnet));
        var store = new SnapshotStore(rig.Store);
        long mark = rig.Mark();
        var input = new SnapshotComputesInput(f.WorkspaceId, "m-all", ["cluster-0", "ci-user-0", "gone-since"], ["ep-0"], [], First);

        var saved = await new SnapshotComputesActivity(rig.Arm, store).RunAsync(input);

        Assert.Equal(["cluster-0", "ci-user-0"], saved.Manifest.Computes.Select(c => c.Name)); // a compute gone since the plan is skipped
        var endpoint = Assert.Single(saved.Manifest.OnlineEndpoints);
        Assert.Equal(["blue", "green"], endpoint.Deployments.Select(d => d.Name));
        Assert.Equal(new Dictionary<string, int> { ["blue"] = 70, ["green"] = 30 }, endpoint.Traffic);
        var cluster = (await store.ReadAsync(saved.Manifest.Computes[0].Key)).DefinitionAs<Core.Resources.ComputeResource>();
        Definitions.AssertSame(Definitions.Of(f.Computes.Single(c => c.Name == "cluster-0")), Definitions.Of(cluster), "cluster-0");
        Assert.True(cluster.Properties.Properties!.ContainsKey("subnet")); // saved as it was: the recreate decides what to drop
        Assert.Empty(rig.WritesSince(mark));

        var again = await new SnapshotComputesActivity(rig.Arm, store).RunAsync(input with { CapturedAt = First.AddHours(1) });
        Assert.Equal(saved.Manifest.CreatedAt, again.Manifest.CreatedAt);
        Assert.Equal(1 + 2 + 1 + 2, (await store.ListAsync(f.WorkspaceId, "m-all")).Count);
    }

    [Fact]
    public async Task ASnapshotThatDoesNotReadBackAsWritten_StopsTheSnapshot_BeforeAnyManifest()
    {
        await using var rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions());
        var f = await MigrationFixture.BuildAsync(rig.Arm, new ComputeSet(1, 0, 0, 0));
        string key = SnapshotStore.SnapshotKey(f.WorkspaceId, "m-lost", SnapshotKind.Compute, "cluster-0");
        var losing = new SnapshotStore(new FirstReadMisses(rig.Store, key));

        await Assert.ThrowsAsync<SnapshotInvalidException>(() => new SnapshotComputesActivity(rig.Arm, losing)
            .RunAsync(new SnapshotComputesInput(f.WorkspaceId, "m-lost", ["cluster-0"], [], [], First)));
        Assert.Null(await new SnapshotStore(rig.Store).ReadManifestAsync(f.WorkspaceId, "m-lost"));
    }
}
