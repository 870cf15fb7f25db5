using Microsoft.DurableTask.Client;
using Mnet.Emulator.Faults;
using Mnet.Local;
using Mnet.TestSupport.Azurite;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.CrashHost;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Migration;
using Mnet.Workflows.Stores;
using Mnet.Workflows.Tests.Stores;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Migration;

/// <summary>
/// Fix 4: a failed migration can be resumed wherever it ran. The output says where the snapshots are; another engine
/// composed with that store (here: another process's view of the same Blob container) resumes it; an engine looking
/// in another store says where it looked.
/// </summary>
[Collection(StoresAzuriteCollection.Name)]
public sealed class ResumeWhereverItRanTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AMigrationThatFailedOnOneEngine_IsResumedByAnotherReadingTheSameBlobContainer()
    {
        string container = StoresAzuriteCollection.NewContainerName();
        await using var rig = await WorkflowRig.StartAsync(MigrationFixture.RigOptions(new WorkflowRigOptions
        {
            Store = _ => BlobDocumentStore.ForConnectionString(azurite.ConnectionString, container),
        }));
        var f = await MigrationFixture.BuildAsync(rig.Arm, new ComputeSet(2, 1, 1, 1, ComputeSet.Subnet));
        rig.Emulator.Faults.Add(new FaultSpec(new LroFailFault("InternalError", "provisioning broke"), Path: "provisionManagedNetwork", Method: "POST", Times: 1));
        var failed = await rig.RunAsync<MigrateComputesInput, MigrateComputesOutput>(WorkflowNames.MigrateComputes, new MigrateComputesInput
        {
            WorkspaceId = f.WorkspaceId,
            Policy = MigrationPolicies.Approved("automatic"),
            Request = new RequestMetadata(TriggerSource.Timer),
            MigrationId = "mig-elsewhere",
            Timings = rig.Timings,
        });
        Assert.Equal(MigrationResult.Failed, failed.Result);
        Assert.Equal(4, failed.Missing.Count);
        Assert.Contains(container, failed.SnapshotLocation, StringComparison.Ordinal);

        // Elsewhere, in a store that does not hold them: nothing is touched, and the failure says where it looked.
        string emptyFolder = Path.Combine(rig.StoreFolder, "elsewhere");
        var missing = await ResumeOnAnotherEngineAsync(rig, f, new FolderDocumentStore(emptyFolder));
        Assert.Equal(MigrationResult.Failed, missing.Result);
        Assert.Equal("ManifestMissing", missing.Errors[0].Code);
        Assert.Contains(emptyFolder, missing.Errors[0].Message, StringComparison.Ordinal);
        Assert.Empty(await rig.Arm.ListComputesAsync(f.WorkspaceId));

        // Where it ran: the same container, opened afresh by another engine.
        var resumed = await ResumeOnAnotherEngineAsync(rig, f, BlobDocumentStore.ForConnectionString(azurite.ConnectionString, container));
        Assert.True(resumed.Result == MigrationResult.Migrated, MigrateComputesTests.Describe(resumed));
        Assert.Equal(failed.SnapshotLocation, resumed.SnapshotLocation);
        Assert.Equal(f.Computes.Select(c => c.Name).Order(), (await rig.Arm.ListComputesAsync(f.WorkspaceId)).Select(c => c.Name).Order());
    }

    static async Task<MigrateComputesOutput> ResumeOnAnotherEngineAsync(WorkflowRig rig, MigrationFixture f, IDocumentStore documents)
    {
        await using var engine = await CrashEngine.StartAsync(new LocalEngineOptions { TaskHub = "ResumeElsewhere" }, rig.Arm, documents);
        string id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(WorkflowNames.ResumeMigration, new ResumeMigrationInput
        {
            WorkspaceId = f.WorkspaceId,
            MigrationId = "mig-elsewhere",
            Policy = MigrationPolicies.Approved(),
            Request = new RequestMetadata(TriggerSource.Cli),
            Timings = rig.Timings,
        });
        using var cancel = new CancellationTokenSource(WorkflowRig.DefaultTimeout);
        return WorkflowRig.OutputOf<MigrateComputesOutput>(await engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancel.Token));
    }
}
