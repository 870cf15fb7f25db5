using Mnet.Arm;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>Starts deleting one online deployment (resume replaces a Failed one; see <see cref="ResourceDeletes"/> for what it refuses to delete).</summary>
public sealed class StartDeleteOnlineDeploymentActivity(IArmClient arm, SnapshotStore snapshots) : IWorkflowActivity<StartDeleteInput, OperationStart>
{
    public Task<OperationStart> RunAsync(StartDeleteInput input) => ResourceDeletes.StartAsync(arm, snapshots, SnapshotKind.Deployment, input);
}
