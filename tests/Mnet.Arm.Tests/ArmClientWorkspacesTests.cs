using System.Text.Json.Nodes;
using Mnet.Arm.Actions;
using Mnet.Arm.Errors;
using Mnet.Arm.Models;
using Mnet.Arm.Tests.Support;
using Mnet.Core.Resources;
using Mnet.Emulator.Ml;
using static Mnet.Arm.Tests.Support.EmulatorHarness;

namespace Mnet.Arm.Tests;

/// <summary>Port of tests/arm/client-workspaces.test.ts, against the local emulator (each test seeds its own).</summary>
public sealed class ArmClientWorkspacesTests : IAsyncLifetime
{
    private EmulatorHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync();
        await _h.SeedWorkspaceAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static WorkspaceNetworkPatch Patch(IsolationMode? mode = null, string? firewallSku = null,
        string? publicNetworkAccess = null, string? imageBuildCompute = null) => new()
        {
            Properties = new WorkspaceNetworkPatchProperties
            {
                ManagedNetwork = mode is null && firewallSku is null
                    ? null
                    : new ManagedNetworkPatch { IsolationMode = mode, FirewallSku = firewallSku },
                PublicNetworkAccess = publicNetworkAccess,
                ImageBuildCompute = imageBuildCompute,
            },
        };

    [Fact]
    public async Task The_client_authenticates_with_a_bearer_token_and_trusts_the_emulator_CA()
    {
        var ws = await _h.Client.GetWorkspaceAsync(WsId);
        Assert.Equal("ws1", ws.Name);
        Assert.True(_h.Credential.Calls >= 1);
    }

    [Fact]
    public async Task Resource_groups_create_and_get()
    {
        var rg = await _h.Client.GetResourceGroupAsync(Sub, Rg);
        Assert.Equal((Rg, "westeurope"), (rg.Name, rg.Location));
    }

    [Fact]
    public async Task Workspaces_create_waited_for_get_list_by_subscription_and_by_resource_group()
    {
        var ws = await _h.Client.GetWorkspaceAsync(WsId);
        Assert.Equal("Succeeded", ws.Properties.ProvisioningState);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "research" }, ws.Tags);
        Assert.Equal(["ws1"], (await _h.Client.ListWorkspacesAsync(Sub)).Select(w => w.Name));
        Assert.Equal(["ws1"], (await _h.Client.ListWorkspacesInResourceGroupAsync(Sub, Rg)).Select(w => w.Name));
        var missing = await Assert.ThrowsAsync<ArmNotFoundException>(
            () => _h.Client.ListWorkspacesInResourceGroupAsync(Sub, "rg-other"));
        Assert.Equal("ResourceGroupNotFound", missing.Code);
    }

    [Fact]
    public async Task Creating_a_workspace_that_exists_is_refused_without_a_PUT()
    {
        var before = _h.LastSeq;
        var error = await Assert.ThrowsAsync<ArmResourceAlreadyExistsException>(() => _h.Client.BeginCreateWorkspaceAsync(
            WsId, new WorkspaceCreateBody { Location = "westeurope", Properties = new WorkspaceProperties() }));
        Assert.Equal(ArmErrorCodes.ResourceAlreadyExists, error.Code);
        Assert.True(error.IsConflict);
        Assert.Equal(["GET"], _h.Since(before).Select(r => r.Method));
    }

    [Fact]
    public async Task PATCH_changes_only_the_patched_properties_managed_network_rules_and_firewall_SKU_survive()
    {
        // Set-up: an approved-outbound network with a firewall SKU and user-defined rules, so that a lost one shows.
        await _h.Client.PatchWorkspaceNetworkAsync(WsId, Patch(IsolationMode.AllowOnlyApprovedOutbound, "Basic"));
        await _h.Client.PutOutboundRuleAsync(WsId, "pypi", new FqdnOutboundRule { Destination = "pypi.org", Category = "UserDefined" });
        await _h.Client.PutOutboundRuleAsync(WsId, "conda", new FqdnOutboundRule { Destination = "*.anaconda.com", Category = "UserDefined" });
        var before = _h.Emu.State.GetWorkspace(WsId)!;
        static string[] UserRules(JsonObject w) =>
            (w["properties"]?["managedNetwork"]?["outboundRules"]?.AsObject() ?? [])
            .Where(r => r.Value?["category"]?.GetValue<string>() == "UserDefined").Select(r => r.Key).Order().ToArray();
        Assert.Equal(["conda", "pypi"], UserRules(before)); // the test really has user rules to lose
        var mark = _h.LastSeq;

        var updated = await _h.Client.PatchWorkspaceNetworkAsync(
            WsId, Patch(IsolationMode.AllowOnlyApprovedOutbound, publicNetworkAccess: "Disabled"));
        Assert.Equal(IsolationMode.AllowOnlyApprovedOutbound, updated.Properties.ManagedNetwork?.IsolationMode);
        var after = _h.Emu.State.GetWorkspace(WsId)!;

        var sent = _h.Since(mark);
        var patch = Assert.Single(sent, r => r.Method == "PATCH");
        Assert.Equal("GET", sent[0].Method); // the workspace is read before a managed-network PATCH
        // The current firewall SKU (and network kind, when the service reports one) is re-sent: a service that
        // replaces managedNetwork would otherwise reset it.
        var expectedNetwork = new JsonObject { ["isolationMode"] = "AllowOnlyApprovedOutbound", ["firewallSku"] = "Basic" };
        if (before["properties"]!["managedNetwork"]!["managedNetworkKind"] is { } kind) expectedNetwork["managedNetworkKind"] = kind.DeepClone();
        JsonAssert.Equal(
            new JsonObject { ["properties"] = new JsonObject { ["managedNetwork"] = expectedNetwork, ["publicNetworkAccess"] = "Disabled" } }.ToJsonString(),
            patch.Body);

        // The managed network (mode, firewall SKU, every rule with its destination) is unchanged.
        static JsonObject Network(JsonObject w)
        {
            var mn = w["properties"]!["managedNetwork"]!;
            return new JsonObject
            {
                ["isolationMode"] = mn["isolationMode"]?.DeepClone(),
                ["firewallSku"] = mn["firewallSku"]?.DeepClone(),
                ["outboundRules"] = mn["outboundRules"]?.DeepClone(),
            };
        }
        Assert.True(JsonNode.DeepEquals(Network(before), Network(after)), $"{Network(before)}\n{Network(after)}");
        Assert.Equal(["conda", "pypi"], UserRules(after));
        Assert.Equal("Basic", after["properties"]!["managedNetwork"]!["firewallSku"]!.GetValue<string>());

        // Everything but the patched field (and what the service recomputes on a write) is identical.
        static JsonObject Strip(JsonObject w)
        {
            var copy = w.DeepClone().AsObject();
            copy.Remove("etag");
            copy.Remove("systemData");
            copy["properties"]!.AsObject().Remove("publicNetworkAccess");
            return copy;
        }
        Assert.True(JsonNode.DeepEquals(Strip(before), Strip(after)), $"{Strip(before)}\n{Strip(after)}");
        Assert.NotEqual("Disabled", before["properties"]!["publicNetworkAccess"]?.GetValue<string>()); // something changed
    }

    [Fact]
    public async Task If_Match_a_stale_etag_surfaces_as_a_typed_412()
    {
        var ws = await _h.Client.GetWorkspaceAsync(WsId);
        Assert.False(string.IsNullOrEmpty(ws.Etag));
        await _h.Client.PatchWorkspaceNetworkAsync(WsId, Patch(imageBuildCompute: "cpu-cluster"), ifMatch: ws.Etag);
        var error = await Assert.ThrowsAsync<ArmPreconditionFailedException>(
            () => _h.Client.PatchWorkspaceNetworkAsync(WsId, Patch(imageBuildCompute: ""), ifMatch: ws.Etag));
        Assert.Equal((412, "PATCH"), (error.Status, error.Method));
        Assert.True(error.IsPreconditionFailed);
        Assert.Equal(2, _h.Emu.Requests.List().Count(r => r.Method == "PATCH"));
    }

    [Fact]
    public async Task A_400_is_not_retried_exactly_one_request_and_the_error_names_the_resource_and_cause()
    {
        await _h.Client.PatchWorkspaceNetworkAsync(WsId, Patch(IsolationMode.AllowOnlyApprovedOutbound));
        var before = _h.LastSeq;
        var error = await Assert.ThrowsAsync<ArmValidationException>(
            () => _h.Client.PatchWorkspaceNetworkAsync(WsId, Patch(IsolationMode.Disabled)));
        Assert.Equal((400, ArmErrorCodes.ValidationError), (error.Status, error.Code));
        Assert.Equal(ArmOperation.WriteWorkspace, error.Operation);
        Assert.Equal(WsId, error.ResourceId);
        Assert.False(error.IsRetryable);
        Assert.Matches("^PATCH workspace ws1 failed: ValidationError — .+", error.UserMessage());
        // One read before the write, and the refused PATCH is sent exactly once.
        Assert.Equal(["GET", "PATCH"], _h.Since(before).Select(r => r.Method));
    }

    [Fact]
    public async Task A_404_is_an_ArmNotFoundException()
    {
        var error = await Assert.ThrowsAsync<ArmNotFoundException>(
            () => _h.Client.GetWorkspaceAsync(WsId.Replace("ws1", "nope", StringComparison.Ordinal)));
        Assert.True(error.IsNotFound);
    }
}
