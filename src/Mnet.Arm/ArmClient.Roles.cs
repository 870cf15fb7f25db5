using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Arm.Actions;
using Mnet.Arm.Errors;
using Mnet.Arm.Http;
using Mnet.Arm.Models;
using Mnet.Arm.Roles;
using Mnet.Core.Resources;

namespace Mnet.Arm;

/// <summary>Role assignments, custom role definitions and permissions, under deterministic names (<see cref="RoleNames"/>).</summary>
public sealed partial class ArmClient
{
    private const string Authorization = "providers/Microsoft.Authorization";

    public async Task<RoleAssignmentPutResult> PutRoleAssignmentAsync(
        RoleAssignmentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = ArmUrls.RequireId(input.Scope);
        var roleDefinitionId = RoleNames.RoleDefinitionResourceId(scope, input.RoleDefinitionId);
        var name = RoleNames.RoleAssignmentName(scope, input.PrincipalId, roleDefinitionId);
        var id = $"{scope}/{Authorization}/roleAssignments/{name}";
        var properties = new JsonObject
        {
            ["roleDefinitionId"] = roleDefinitionId,
            ["principalId"] = input.PrincipalId,
            ["principalType"] = input.PrincipalType ?? "ServicePrincipal",
        };
        if (input.Description is not null) properties["description"] = input.Description;
        if (input.Condition is not null)
        {
            properties["condition"] = input.Condition;
            properties["conditionVersion"] = input.ConditionVersion ?? "2.0";
        }
        try
        {
            var response = await _transport.SendAsync(
                new ArmRequest
                {
                    Method = "PUT",
                    Url = ArmUrls.Path(id, ArmApiVersions.Authorization),
                    Operation = ArmOperation.WriteRoleAssignment,
                    ResourceId = id,
                    Body = new JsonObject { ["properties"] = properties },
                },
                cancellationToken);
            return new RoleAssignmentPutResult(response.Status == 201, response.Status != 201, name, id);
        }
        catch (ArmRoleAssignmentExistsException)
        {
            // The one failure that is a success: the same grant already exists under another name.
            return new RoleAssignmentPutResult(false, true, name, id);
        }
    }

    public Task<RoleAssignment> GetRoleAssignmentAsync(
        string scope, string name, CancellationToken cancellationToken = default)
    {
        var id = ArmUrls.ChildId($"{ArmUrls.RequireId(scope)}/{Authorization}", "roleAssignments", name);
        return GetAsync<RoleAssignment>(
            id, ArmApiVersions.Authorization, ArmOperation.ReadRoleAssignments, cancellationToken);
    }

    public async Task<IReadOnlyList<RoleAssignment>> ListRoleAssignmentsAsync(
        string scope, string? principalId = null, CancellationToken cancellationToken = default)
    {
        var scopeId = ArmUrls.RequireId(scope);
        var principal = principalId?.Trim().ToLowerInvariant();
        var all = await ListAsync<RoleAssignment>(
            $"{scopeId}/{Authorization}/roleAssignments", ArmApiVersions.Authorization,
            ArmOperation.ReadRoleAssignments, scopeId, cancellationToken,
            [new("$filter", principal is null ? null : $"principalId eq '{principal}'")]);
        // Filtered again here: a service that ignores $filter must not widen the answer.
        return principal is null
            ? all
            : all.Where(a => string.Equals(a.Properties.PrincipalId, principal, StringComparison.OrdinalIgnoreCase))
                .ToArray();
    }

    public async Task<RoleDefinition> PutRoleDefinitionAsync(
        RoleDefinitionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = ArmUrls.RequireId(input.Scope);
        var name = RoleNames.RoleDefinitionName(scope, input.RoleName);
        var id = $"{scope}/{Authorization}/roleDefinitions/{name}";
        var body = new
        {
            properties = new
            {
                roleName = input.RoleName,
                description = input.Description ?? "",
                type = "CustomRole",
                permissions = new[]
                {
                    new
                    {
                        actions = input.Actions,
                        notActions = input.NotActions ?? [],
                        dataActions = Array.Empty<string>(),
                        notDataActions = Array.Empty<string>(),
                    },
                },
                assignableScopes = input.AssignableScopes ?? [scope],
            },
        };
        var request = new ArmRequest
        {
            Method = "PUT",
            Url = ArmUrls.Path(id, ArmApiVersions.Authorization),
            Operation = ArmOperation.WriteRoleDefinition,
            ResourceId = id,
            Body = body,
        };
        var response = await _transport.SendAsync(request, cancellationToken);
        return response.As<RoleDefinition>(request);
    }

    public Task<RoleDefinition> GetRoleDefinitionAsync(
        string scope, string roleDefinitionId, CancellationToken cancellationToken = default)
    {
        var id = $"{ArmUrls.RequireId(scope)}/{Authorization}/roleDefinitions/{RoleNames.RoleDefinitionGuid(roleDefinitionId)}";
        return GetAsync<RoleDefinition>(
            id, ArmApiVersions.Authorization, ArmOperation.ReadRoleDefinitions, cancellationToken);
    }

    public Task<IReadOnlyList<RolePermission>> ListPermissionsAsync(
        string scope, CancellationToken cancellationToken = default)
    {
        var scopeId = ArmUrls.RequireId(scope);
        return ListAsync<RolePermission>(
            $"{scopeId}/{Authorization}/permissions", ArmApiVersions.Authorization, ArmOperation.ReadPermissions,
            scopeId, cancellationToken);
    }
}
