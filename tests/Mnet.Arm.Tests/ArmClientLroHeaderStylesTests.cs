using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Arm.Lro;
using Mnet.Arm.Models;
using Mnet.Arm.Recreate;
using Mnet.Arm.Tests.Support;
using Mnet.Core.Resources;
using Mnet.Emulator;
using static Mnet.Arm.Tests.Support.EmulatorHarness;

namespace Mnet.Arm.Tests;

/// <summary>
/// Both LRO header paths against the emulator: Azure-AsyncOperation only, Location only, both, and the spec's mix.
/// Each operation is started, stored as JSON, and polled to its end the way an orchestrator does.
/// </summary>
public sealed class ArmClientLroHeaderStylesTests
{
    private const string Compute = $"{WsId}/computes/cpu-cluster";

    private static async Task<LroPollResult> DriveAsync(EmulatorHarness h, LroHandle handle)
    {
        var current = handle;
        for (var polls = 0; polls < 200; polls++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(current.RetryAfterSeconds));
            var result = await h.Client.PollOperationAsync(current);
            if (result.Status != LroStatus.InProgress) return result;
            current = JsonSerializer.Deserialize<LroHandle>(JsonSerializer.Serialize(result.Handle))!;
        }
        throw new InvalidOperationException("operation never ended");
    }

    [Theory]
    [InlineData(LroHeaderStyle.AzureAsyncOperation, LroKind.AzureAsync, LroKind.AzureAsync)]
    [InlineData(LroHeaderStyle.Location, LroKind.Location, LroKind.Location)]
    [InlineData(LroHeaderStyle.Both, LroKind.AzureAsync, LroKind.AzureAsync)]
    [InlineData(LroHeaderStyle.Spec, LroKind.Location, LroKind.AzureAsync)]
    public async Task Provisioning_and_a_compute_create_end_the_same_way_whichever_headers_the_service_sends(
        LroHeaderStyle style, LroKind provisionKind, LroKind computeKind)
    {
        await using var h = await StartAsync(emulator: o => o with
        {
            LroHeaders = style,
            Durations = new LroDurations { ProvisionManagedNetwork = TimeSpan.FromMinutes(2), ComputeCreate = TimeSpan.FromMinutes(1) },
        });
        await h.SeedWorkspaceAsync(new ManagedNetworkSettings { IsolationMode = IsolationMode.AllowInternetOutbound });

        var provision = await h.Client.BeginProvisionManagedNetworkAsync(WsId);
        Assert.Equal(provisionKind, provision.Kind);
        Assert.Equal(5, provision.RetryAfterSeconds);
        var provisioned = await DriveAsync(h, provision);
        Assert.Equal(LroStatus.Succeeded, provisioned.Status);
        Assert.Equal("Active", (await h.Client.GetWorkspaceAsync(WsId)).Properties.ManagedNetwork?.Status?.Status);

        var body = ComputeRecreate.Body(Fixtures.Load<ComputeResource>("aml-cluster"), insideManagedNetwork: true);
        var create = await h.Client.BeginCreateComputeAsync(Compute, body);
        Assert.Equal(computeKind, create.Kind);
        var created = await DriveAsync(h, create);
        Assert.Equal(LroStatus.Succeeded, created.Status);
        Assert.Equal("Succeeded", (await h.Client.GetComputeAsync(Compute)).Properties.ProvisioningState);
        if (created.ResultJson is not null && JsonNode.Parse(created.ResultJson)?["properties"] is not null)
        {
            Assert.Equal("cpu-cluster", created.ResultAs<ComputeResource>()?.Name);
        }
    }

    [Fact]
    public async Task Permissions_are_the_callers_own_at_a_scope()
    {
        const string principal = "0f4e9a2b-7c1d-4e83-8b5a-9d2c6e1f3a70";
        const string sa = $"/subscriptions/{Sub}/resourceGroups/{Rg}/providers/Microsoft.Storage/storageAccounts/saperm01";
        // A GUID token names that principal in the emulator; a plain token is its all-powerful operator.
        await using var h = await StartAsync(client: o => o with { Credential = new CountingCredential(principal) });
        await h.Client.CreateResourceGroupAsync(Sub, Rg, "westeurope");
        await h.Client.PutDependencyAsync(DependencyKind.StorageAccount, sa, new GenericResourceBody
        {
            Location = "westeurope",
            Kind = "StorageV2",
            Sku = new Sku { Name = "Standard_LRS" },
        });
        Assert.Empty(await h.Client.ListPermissionsAsync(sa));
        await h.Client.PutRoleAssignmentAsync(new RoleAssignmentInput
        {
            Scope = sa,
            PrincipalId = principal,
            RoleDefinitionId = Mnet.Core.Catalog.ApproverRoles.BuiltIn.RoleDefinitionGuid,
        });
        var permissions = await h.Client.ListPermissionsAsync(sa);
        Assert.Contains(permissions.SelectMany(p => p.Actions), a => a.EndsWith("/privateEndpointConnectionsApproval/action", StringComparison.Ordinal));
        Assert.Contains(h.Emu.Requests.List(), r => r.Path.EndsWith("/providers/Microsoft.Authorization/permissions", StringComparison.Ordinal)
            && r.Query["api-version"] == ArmApiVersions.Authorization);
    }
}
