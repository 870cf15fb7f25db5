using Mnet.Arm;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>
/// Starting a delete, safely under at-least-once delivery. Reads first: a resource already gone is done, one already
/// deleting is only followed. A delete arriving late (a redelivered activity, after the migration moved on) must not
/// delete what the migration created again, so a migration delete sends nothing when the resource is being created
/// or updated (busy: start again once it settles), when this migration marked it recreated, or when ARM's creation
/// time differs from the snapshot's (another incarnation). A replace-failed delete removes only a Failed resource.
/// </summary>
internal static class ResourceDeletes
{
    public static async Task<OperationStart> StartAsync(IArmClient arm, SnapshotStore snapshots, SnapshotKind kind, StartDeleteInput input)
    {
        if (input.Kind != kind) throw new ArgumentException($"a {kind} delete was given a {input.Kind} input", nameof(input));
        var current = await MigrationArm.ReadAsync(arm, input.WorkspaceId, kind, input.Name);
        string id = MigrationArm.IdOf(input.WorkspaceId, kind, input.Name);
        if (current is null) return OperationStart.Done(id);
        if (ProvisioningStates.IsDeleting(current.ProvisioningState)) return OperationStart.InProgress(id, current.ProvisioningState);

        if (input.Purpose == DeletePurpose.ReplaceFailed)
        {
            if (!ProvisioningStates.IsFailed(current.ProvisioningState))
            {
                return OperationStart.Done(id, current.ProvisioningState, "not Failed: left alone");
            }
        }
        else
        {
            if (ProvisioningStates.IsBusy(current.ProvisioningState)) return OperationStart.Busy(id, current.ProvisioningState);
            if (await snapshots.WasRecreatedAsync(input.WorkspaceId, input.MigrationId, kind, input.Name))
            {
                return OperationStart.Done(id, current.ProvisioningState, "recreated by this migration: left alone");
            }

            var snapshot = await snapshots.ReadAsync(input.WorkspaceId, input.MigrationId, kind, input.Name);
            string? snapshotted = CreationTime.Of(snapshot.Definition);
            if (snapshotted is not null && current.CreatedAt is not null && !string.Equals(snapshotted, current.CreatedAt, StringComparison.Ordinal))
            {
                return OperationStart.Done(id, current.ProvisioningState, "not the snapshotted resource: left alone");
            }
        }

        return OperationStart.Started(id, await MigrationArm.BeginDeleteAsync(arm, kind, id));
    }
}
