using Mnet.Arm;
using Mnet.Arm.Recreate;
using Mnet.Core.Resources;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>
/// Gives a recreated endpoint its snapshotted traffic split (and mirror traffic) once every deployment is back: the
/// service takes traffic through PUT. Nothing is sent when the split is already the snapshot's.
/// </summary>
public sealed class StartRestoreEndpointTrafficActivity(IArmClient arm, SnapshotStore snapshots)
    : IWorkflowActivity<RestoreTrafficInput, OperationStart>
{
    public async Task<OperationStart> RunAsync(RestoreTrafficInput input)
    {
        var snapshot = await snapshots.ReadAsync(input.WorkspaceId, input.MigrationId, SnapshotKind.Endpoint, input.Endpoint);
        var plan = OnlineEndpointRecreate.Plan(snapshot.DefinitionAs<OnlineEndpoint>());
        string id = MigrationResources.EndpointId(input.WorkspaceId, input.Endpoint);
        var current = await arm.GetOnlineEndpointAsync(id);
        string? state = current.Properties.ProvisioningState;
        if (ProvisioningStates.IsBusy(state)) return OperationStart.InProgress(id, state);
        if (TrafficSplits.Same(current.Properties.Traffic, plan.Traffic) && TrafficSplits.Same(current.Properties.MirrorTraffic, plan.MirrorTraffic))
        {
            return OperationStart.Done(id, state);
        }

        return OperationStart.Started(id, await arm.BeginCreateOnlineEndpointAsync(
            id, OnlineEndpointRecreate.WithTraffic(plan.Body, plan.Traffic, plan.MirrorTraffic)));
    }
}
