using Mnet.Arm;
using Mnet.Core.Catalog;
using Mnet.Core.Planning;
using Mnet.Core.Resources;

namespace Mnet.Workflows.Activities.State;

/// <summary>
/// The documented prerequisites of one workspace, read for the planner: the management locks at its resource group
/// and at the workspace (ARM lists a group's locks below it too: de-duplicated by id) and whether Microsoft.Network
/// is registered in its subscription.
/// </summary>
public static class PrerequisiteReader
{
    const string LockSegment = "/providers/microsoft.authorization/locks/";

    public static async Task<WorkspacePrerequisites> ReadAsync(IArmClient arm, string workspaceId, CancellationToken cancellationToken = default)
    {
        var id = ResourceId.Parse(workspaceId);
        var locks = await ReadScopeLocksAsync(arm, workspaceId, cancellationToken);
        string state = await arm.GetProviderRegistrationStateAsync(id.SubscriptionId, Prerequisites.RequiredResourceProvider, cancellationToken);
        return new WorkspacePrerequisites
        {
            Locks = locks,
            NetworkProviderRegistered = string.Equals(state, "Registered", StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>Locks at the resource group and at the workspace scope, one per lock id.</summary>
    public static async Task<IReadOnlyList<ScopeLock>> ReadScopeLocksAsync(IArmClient arm, string workspaceId, CancellationToken cancellationToken = default)
    {
        var seen = new Dictionary<string, ScopeLock>(StringComparer.OrdinalIgnoreCase);
        foreach (string scope in new[] { ResourceGroupScope(workspaceId), workspaceId })
        {
            foreach (var found in await arm.ListLocksAsync(scope, cancellationToken))
            {
                seen.TryAdd(found.Id, new ScopeLock(found.Id, found.Name, found.Properties.Level, LockScope(found.Id, scope)));
            }
        }

        return [.. seen.Values];
    }

    /// <summary>The scope a lock is on, from its id (<c>{scope}/providers/Microsoft.Authorization/locks/{name}</c>).</summary>
    public static string LockScope(string lockId, string fallback)
    {
        int at = lockId.LastIndexOf(LockSegment, StringComparison.OrdinalIgnoreCase);
        return at > 0 ? lockId[..at] : fallback;
    }

    public static string ResourceGroupScope(string workspaceId)
    {
        var id = ResourceId.Parse(workspaceId);
        return $"/subscriptions/{id.SubscriptionId}/resourceGroups/{id.ResourceGroup}";
    }
}
