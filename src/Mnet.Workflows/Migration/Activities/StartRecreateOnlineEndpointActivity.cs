using Mnet.Arm;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>Starts creating one online endpoint again from its snapshot, without traffic: its deployments are not back yet (see <see cref="ResourceRecreates"/>).</summary>
public sealed class StartRecreateOnlineEndpointActivity(IArmClient arm, SnapshotStore snapshots) : IWorkflowActivity<StartRecreateInput, OperationStart>
{
    public Task<OperationStart> RunAsync(StartRecreateInput input) => ResourceRecreates.StartAsync(arm, snapshots, SnapshotKind.Endpoint, input);
}
