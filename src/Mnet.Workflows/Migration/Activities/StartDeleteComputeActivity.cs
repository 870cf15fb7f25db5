using Mnet.Arm;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>Starts deleting one compute of a migration (see <see cref="ResourceDeletes"/> for what it refuses to delete).</summary>
public sealed class StartDeleteComputeActivity(IArmClient arm, SnapshotStore snapshots) : IWorkflowActivity<StartDeleteInput, OperationStart>
{
    public Task<OperationStart> RunAsync(StartDeleteInput input) => ResourceDeletes.StartAsync(arm, snapshots, SnapshotKind.Compute, input);
}
