using Mnet.Arm;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>Starts deleting one online endpoint of a migration, its deployments with it (see <see cref="ResourceDeletes"/> for what it refuses to delete).</summary>
public sealed class StartDeleteOnlineEndpointActivity(IArmClient arm, SnapshotStore snapshots) : IWorkflowActivity<StartDeleteInput, OperationStart>
{
    public Task<OperationStart> RunAsync(StartDeleteInput input) => ResourceDeletes.StartAsync(arm, snapshots, SnapshotKind.Endpoint, input);
}
