using Mnet.Emulator.Http;
using Mnet.Emulator.Ids;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Authorization;

/// <summary>
/// The emulator's RBAC evaluation: a principal may perform an action on a resource when one of its role
/// assignments at the resource or a parent scope names a definition whose permissions grant it.
/// </summary>
public sealed class RoleBasedAccessCheck(EmulatorState state) : IAccessCheck
{
    public bool Grants(IReadOnlyCollection<string> principalIds, string resourceId, string action)
    {
        ArgumentNullException.ThrowIfNull(principalIds);
        var principals = new HashSet<string>(principalIds, StringComparer.OrdinalIgnoreCase);
        if (principals.Count == 0)
        {
            return false;
        }

        foreach (var ra in state.RoleAssignments.Live)
        {
            var props = ra["properties"];
            if (props.Str("principalId") is not { } principal || !principals.Contains(principal)
                || !ScopePath.Covers(props.Str("scope") ?? string.Empty, resourceId))
            {
                continue;
            }

            var definition = RoleDefinitionStore.Find(state, ScopePath.LastSegment(props.Str("roleDefinitionId") ?? string.Empty));
            if (definition is not null && RolePermissions.Grant(definition["properties"]?["permissions"], action))
            {
                return true;
            }
        }

        return false;
    }
}
