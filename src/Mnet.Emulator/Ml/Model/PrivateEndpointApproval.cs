using System.Text.Json.Nodes;
using Mnet.Core.Catalog;
using Mnet.Core.Resources;
using Mnet.Emulator.Http;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Ml.Model;

/// <summary>
/// Private endpoint approval (not automatic since 30 April 2025): a user PE rule to a target other than the
/// workspace's default resources stays Inactive until one of the workspace identity's principals may run
/// <c>&lt;type&gt;/privateEndpointConnectionsApproval/action</c> at the target (state.AccessCheck decides).
/// </summary>
public static class PrivateEndpointApproval
{
    /// <summary>The rule's errorInformation (a string, as the spec declares) when approval is missing, else null.</summary>
    public static string? Error(EmulatorState state, WorkspaceRecord owner, JsonObject rule)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(owner);
        var target = rule["destination"].Str("serviceResourceId");
        if (target is null
            || NetworkOwnership.DefaultResourceIds(owner).Any(id => id.Equals(target, StringComparison.OrdinalIgnoreCase))
            || !ResourceId.TryParse(target, out var parsed) || parsed.ResourceType is null)
        {
            return null;
        }

        var action = ApproverRoles.ApprovalAction(parsed.ResourceType);
        var principals = IdentityMaterializer.Principals(owner.Identity);
        if (principals.Count > 0 && state.AccessCheck.Grants(principals, target, action))
        {
            return null;
        }

        var role = ApproverRoles.BuiltIn;
        return $"The workspace managed identity has no permission to approve private endpoint connections on '{target}' " +
            $"({action}). Assign the role '{role.Name}' ({role.RoleDefinitionGuid}) or a custom role with that action at the target's scope.";
    }
}
