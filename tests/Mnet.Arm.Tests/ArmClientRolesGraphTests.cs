using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Arm.Actions;
using Mnet.Arm.Errors;
using Mnet.Arm.Models;
using Mnet.Arm.Roles;
using Mnet.Arm.Tests.Support;
using Mnet.Core.Catalog;
using Mnet.Core.Resources;
using static Mnet.Arm.Tests.Support.EmulatorHarness;

namespace Mnet.Arm.Tests;

/// <summary>Port of tests/arm/client-roles-graph.test.ts, against the local emulator (each test seeds its own).</summary>
public sealed class ArmClientRolesGraphTests : IAsyncLifetime
{
    private const string Sa = $"/subscriptions/{Sub}/resourceGroups/{Rg}/providers/Microsoft.Storage/storageAccounts/satarget01";
    private const string Principal = "0f4e9a2b-7c1d-4e83-8b5a-9d2c6e1f3a70";
    private const string Other = "9e8d7c6b-5a49-4382-9170-f6e5d4c3b2a1";
    private static readonly string ApproverGuid = ApproverRoles.BuiltIn.RoleDefinitionGuid;
    private EmulatorHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync();
        await _h.SeedWorkspaceAsync();
        await _h.Client.PutDependencyAsync(DependencyKind.StorageAccount, Sa, new GenericResourceBody
        {
            Location = "westeurope",
            Kind = "StorageV2",
            Sku = new Sku { Name = "Standard_LRS" },
            Properties = new Dictionary<string, JsonElement>(),
        });
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static RoleAssignmentInput Grant(string principal, string? description = null) => new()
    {
        Scope = Sa,
        PrincipalId = principal,
        RoleDefinitionId = ApproverGuid,
        Description = description,
    };

    private int AssignmentsOf(string principal) => _h.Emu.State.Read(s => s.RoleAssignments.All()
        .Count(a => string.Equals(a["properties"]?["principalId"]?.GetValue<string>(), principal, StringComparison.OrdinalIgnoreCase)));

    [Fact]
    public async Task Role_assignment_of_the_built_in_approver_role_is_created_once_then_a_no_op_under_the_same_deterministic_name()
    {
        var input = Grant(Principal, "mnet-autopilot: approve private endpoints");
        var first = await _h.Client.PutRoleAssignmentAsync(input);
        Assert.Equal((true, false), (first.Created, first.AlreadyExisted));
        Assert.Equal(RoleNames.RoleAssignmentName(Sa, Principal, ApproverGuid), first.Name);
        var second = await _h.Client.PutRoleAssignmentAsync(input);
        Assert.Equal((false, true, first.Name), (second.Created, second.AlreadyExisted, second.Name));
        Assert.Equal(1, AssignmentsOf(Principal));

        var got = await _h.Client.GetRoleAssignmentAsync(Sa, first.Name);
        Assert.Equal(Principal, got.Properties.PrincipalId);
        Assert.EndsWith(ApproverGuid, got.Properties.RoleDefinitionId, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_409_RoleAssignmentExists_for_the_same_grant_made_by_hand_under_another_name_is_done_with_one_request()
    {
        var manual = await _h.RawArmRequestAsync(
            "PUT",
            $"{Sa}/providers/Microsoft.Authorization/roleAssignments/11111111-2222-4333-8444-555555555555?api-version=2022-04-01",
            JsonNode.Parse($$"""
                {"properties":{"roleDefinitionId":"/subscriptions/{{Sub}}/providers/Microsoft.Authorization/roleDefinitions/{{ApproverGuid}}",
                 "principalId":"{{Other}}","principalType":"ServicePrincipal"} }
                """));
        Assert.Equal(201, manual.Status);
        var before = _h.LastSeq;
        var result = await _h.Client.PutRoleAssignmentAsync(Grant(Other));
        Assert.Equal((false, true), (result.Created, result.AlreadyExisted));
        Assert.Equal([("PUT", 409)], _h.Since(before).Select(r => (r.Method, r.Status)));
    }

    [Fact]
    public async Task List_role_assignments_at_a_scope_filtered_by_principal()
    {
        await _h.Client.PutRoleAssignmentAsync(Grant(Principal));
        await _h.Client.PutRoleAssignmentAsync(Grant(Other));
        var mine = await _h.Client.ListRoleAssignmentsAsync(Sa, Principal.ToUpperInvariant());
        Assert.Equal(Principal, Assert.Single(mine).Properties.PrincipalId);
        Assert.True((await _h.Client.ListRoleAssignmentsAsync(Sa)).Count >= 2);
        var filters = _h.Emu.Requests.List().Where(r => r.Path.EndsWith("/roleAssignments", StringComparison.Ordinal))
            .Select(r => r.Query.GetValueOrDefault("$filter"));
        Assert.Contains($"principalId eq '{Principal}'", filters);
    }

    [Fact]
    public async Task Custom_approver_role_definition_deterministic_name_PUT_twice_updates_the_same_definition_then_assignable()
    {
        var scope = $"/subscriptions/{Sub}";
        const string type = "Microsoft.DataFactory/factories";
        var input = new RoleDefinitionInput
        {
            Scope = scope,
            RoleName = ApproverRoles.CustomApproverRoleName(type),
            Description = "approve private endpoints on data factories",
            Actions = ApproverRoles.CustomApproverRoleActions(type),
        };
        var definition = await _h.Client.PutRoleDefinitionAsync(input);
        var name = RoleNames.RoleDefinitionName(scope, input.RoleName);
        Assert.Equal(name, definition.Name);
        Assert.Equal(ApproverRoles.CustomApproverRoleActions(type), definition.Properties.Permissions[0].Actions);
        Assert.Equal([scope], definition.Properties.AssignableScopes);
        var again = await _h.Client.PutRoleDefinitionAsync(input with { Description = "updated" });
        Assert.Equal(name, again.Name);
        Assert.Equal("updated", (await _h.Client.GetRoleDefinitionAsync(scope, name)).Properties.Description);
        Assert.Equal(1, _h.Emu.State.Read(s => s.RoleDefinitions.All()
            .Count(d => d["properties"]?["roleName"]?.GetValue<string>() == input.RoleName)));

        var grant = await _h.Client.PutRoleAssignmentAsync(new RoleAssignmentInput
        {
            Scope = Sa,
            PrincipalId = Principal,
            RoleDefinitionId = $"{scope}/providers/Microsoft.Authorization/roleDefinitions/{name}",
        });
        Assert.True(grant.Created);
        await Assert.ThrowsAsync<ArmNotFoundException>(
            () => _h.Client.GetRoleDefinitionAsync(scope, "00000000-0000-4000-8000-000000000000"));
    }

    [Fact]
    public async Task Locks_at_the_resource_group_and_at_the_workspace()
    {
        var group = $"/subscriptions/{Sub}/resourceGroups/{Rg}";
        _h.Emu.State.Write(s =>
        {
            s.AddLock(group, "no-delete", "CanNotDelete", "keep");
            s.AddLock(WsId, "read-only", "ReadOnly");
        });
        var groupLocks = await _h.Client.ListLocksAsync(group);
        Assert.Contains(groupLocks, l => l.Name == "no-delete" && l.Properties.Level == "CanNotDelete");
        var workspaceLocks = await _h.Client.ListLocksAsync(WsId);
        Assert.Contains(workspaceLocks, l => l.Name == "read-only" && l.Properties.Level == "ReadOnly");
        var versions = _h.Emu.Requests.List().Where(r => r.Path.EndsWith("/locks", StringComparison.Ordinal))
            .Select(r => r.Query["api-version"]).Distinct();
        Assert.Equal(["2016-09-01"], versions);
    }

    [Fact]
    public async Task Resource_Graph_over_the_emulator_returns_workspaces_with_their_managed_network_across_pages()
    {
        foreach (var name in new[] { "ws2", "ws3", "ws4" })
        {
            await _h.Client.CreateWorkspaceAndWaitAsync(WsId.Replace("ws1", name, StringComparison.Ordinal), new WorkspaceCreateBody
            {
                Location = "westeurope",
                Properties = new WorkspaceProperties
                {
                    ManagedNetwork = new ManagedNetworkSettings { IsolationMode = IsolationMode.AllowInternetOutbound },
                },
            });
        }
        var before = _h.LastSeq;
        var rows = await _h.Client.QueryResourceGraphAsync<JsonObject>(
            "resources | where type =~ 'microsoft.machinelearningservices/workspaces' | project id, name, properties | order by id asc",
            [Sub],
            new ResourceGraphOptions { PageSize = 3 });
        Assert.Equal(["ws1", "ws2", "ws3", "ws4"], rows.Select(r => r["name"]!.GetValue<string>()));
        Assert.Equal("AllowInternetOutbound", rows[1]["properties"]!["managedNetwork"]!["isolationMode"]!.GetValue<string>());
        Assert.Equal(2, _h.Since(before).Count); // two pages of three
        var error = await Assert.ThrowsAnyAsync<ArmBadRequestException>(
            () => _h.Client.QueryResourceGraphAsync<JsonObject>("resources | summarize count()", [Sub]));
        Assert.Equal((400, ArmOperation.QueryResourceGraph), (error.Status, error.Operation));
    }
}
