using Mnet.Arm;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>Starts creating one online deployment again from its snapshot (see <see cref="ResourceRecreates"/>).</summary>
public sealed class StartRecreateOnlineDeploymentActivity(IArmClient arm, SnapshotStore snapshots) : IWorkflowActivity<StartRecreateInput, OperationStart>
{
    public Task<OperationStart> RunAsync(StartRecreateInput input) => ResourceRecreates.StartAsync(arm, snapshots, SnapshotKind.Deployment, input);
}
