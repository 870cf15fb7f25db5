using Mnet.Arm;
using Mnet.Arm.Lro;
using Mnet.Arm.Recreate;
using Mnet.Core.Resources;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>
/// Creating a resource again FROM ITS SNAPSHOT (read back from the store, never from an orchestrator's memory). Reads
/// first: whatever exists is not created again (being created: followed; settled: done, with its state so a Failed
/// one can be replaced; still deleting: started again once gone), which makes resuming idempotent. Before the create request the resource is marked recreated in the
/// store, so a late duplicate delete of the migration leaves it alone.
/// </summary>
internal static class ResourceRecreates
{
    public static async Task<OperationStart> StartAsync(IArmClient arm, SnapshotStore snapshots, SnapshotKind kind, StartRecreateInput input)
    {
        if (input.Kind != kind) throw new ArgumentException($"a {kind} recreate was given a {input.Kind} input", nameof(input));
        var snapshot = await snapshots.ReadAsync(input.WorkspaceId, input.MigrationId, kind, input.Name);
        var current = await MigrationArm.ReadAsync(arm, input.WorkspaceId, kind, input.Name);
        string id = MigrationArm.IdOf(input.WorkspaceId, kind, input.Name);
        if (current is not null)
        {
            // Still going away (its delete is running): start again once it is gone.
            if (ProvisioningStates.IsDeleting(current.ProvisioningState)) return OperationStart.Busy(id, current.ProvisioningState);
            return ProvisioningStates.IsBusy(current.ProvisioningState)
                ? OperationStart.InProgress(id, current.ProvisioningState)
                : OperationStart.Done(id, current.ProvisioningState);
        }

        await snapshots.MarkRecreatedAsync(input.WorkspaceId, input.MigrationId, kind, input.Name, input.At);
        LroHandle handle = kind switch
        {
            SnapshotKind.Compute => await arm.BeginCreateComputeAsync(
                id, ComputeRecreate.Body(snapshot.DefinitionAs<ComputeResource>(), input.InsideManagedNetwork)),
            SnapshotKind.Endpoint => await arm.BeginCreateOnlineEndpointAsync(
                id, OnlineEndpointRecreate.Plan(snapshot.DefinitionAs<OnlineEndpoint>()).Body),
            _ => await arm.BeginCreateOnlineDeploymentAsync(
                id, OnlineEndpointRecreate.DeploymentBody(snapshot.DefinitionAs<OnlineDeployment>())),
        };
        return OperationStart.Started(id, handle);
    }
}
