using System.Text.Json.Nodes;
using Mnet.Arm.Errors;
using Mnet.Arm.Models;
using Mnet.Arm.Tests.Support;
using Mnet.Core.Resources;
using static Mnet.Arm.Tests.Support.FakeArmHarness;

namespace Mnet.Arm.Tests;

/// <summary>
/// Port of tests/arm/client-workspace-writes.test.ts: workspace writes against a scripted ARM whose PATCH REPLACES
/// properties.managedNetwork (the real service's merge semantics are unverified; the emulator merges), and whose PUT
/// honours If-None-Match.
/// </summary>
public sealed class ArmClientWorkspaceWritesTests
{
    private static string PathOf(string url) => url.Split('?')[0];

    private static JsonObject Network() => JsonNode.Parse($$"""
        {
          "isolationMode": "AllowInternetOutbound",
          "firewallSku": "Basic",
          "managedNetworkKind": "V2",
          "outboundRules": {
            "pypi": { "type": "FQDN", "category": "UserDefined", "status": "Active", "destination": "pypi.org" },
            "Storage": { "type": "PrivateEndpoint", "category": "UserDefined", "status": "Active",
              "destination": { "serviceResourceId": "/subscriptions/{{Sub}}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa1", "subresourceTarget": "blob" } },
            "leaving": { "type": "FQDN", "category": "UserDefined", "status": "Deleting", "destination": "old.example.com" },
            "__SYS_ST_AzureMachineLearning": { "type": "ServiceTag", "category": "Required", "status": "Active",
              "destination": { "serviceTag": "AzureMachineLearning", "protocol": "TCP", "portRanges": "443" } }
          }
        }
        """)!.AsObject();

    /// <summary>A workspace service whose PATCH replaces managedNetwork with exactly what the body holds.</summary>
    private static Func<FakeRequest, FakeArm, FakeResponse> ReplacingService(bool keepRules)
    {
        var workspace = new JsonObject
        {
            ["id"] = Ws,
            ["name"] = "ws1",
            ["location"] = "westeurope",
            ["properties"] = new JsonObject { ["managedNetwork"] = Network(), ["publicNetworkAccess"] = "Enabled" },
        };
        var gate = new Lock();
        return (req, _) =>
        {
            lock (gate)
            {
                var properties = workspace["properties"]!.AsObject();
                if (req.Method == "GET" && PathOf(req.Url).EndsWith("/outboundRules", StringComparison.Ordinal))
                {
                    var rules = properties["managedNetwork"]?["outboundRules"]?.AsObject() ?? [];
                    var value = new JsonArray(rules.Select(r => (JsonNode?)new JsonObject
                    {
                        ["id"] = $"{Ws}/outboundRules/{r.Key}",
                        ["name"] = r.Key,
                        ["properties"] = r.Value!.DeepClone(),
                    }).ToArray());
                    return new FakeResponse(200, new JsonObject { ["value"] = value });
                }
                if (req.Method == "GET") return new FakeResponse(200, workspace.DeepClone());
                if (req.Method == "PATCH")
                {
                    var patch = req.Body!["properties"]!.AsObject();
                    if (patch["managedNetwork"] is JsonObject network)
                    {
                        var replaced = network.DeepClone().AsObject();
                        if (keepRules && properties["managedNetwork"]?["outboundRules"] is { } kept)
                        {
                            replaced["outboundRules"] = kept.DeepClone();
                        }
                        properties["managedNetwork"] = replaced;
                    }
                    if (patch["publicNetworkAccess"] is { } access) properties["publicNetworkAccess"] = access.DeepClone();
                    return new FakeResponse(200, workspace.DeepClone());
                }
                return new FakeResponse(405);
            }
        };
    }

    private static WorkspaceNetworkPatch Patch(
        IsolationMode? mode = null, string? firewallSku = null, string? publicNetworkAccess = null,
        bool emptyNetwork = false) => new()
        {
            Properties = new WorkspaceNetworkPatchProperties
            {
                ManagedNetwork = mode is null && firewallSku is null && !emptyNetwork
                    ? null
                    : new ManagedNetworkPatch { IsolationMode = mode, FirewallSku = firewallSku },
                PublicNetworkAccess = publicNetworkAccess,
            },
        };

    [Fact]
    public async Task PATCH_of_the_isolation_mode_re_sends_the_current_firewall_SKU_and_kind_read_first_so_a_replacing_service_keeps_them()
    {
        await using var h = await StartAsync(ReplacingService(keepRules: true));
        var updated = await h.Client.PatchWorkspaceNetworkAsync(Ws, Patch(IsolationMode.AllowOnlyApprovedOutbound));
        Assert.Equal(["GET", "PATCH"], h.Requests.Select(r => r.Method));
        JsonAssert.Equal(
            """{"properties":{"managedNetwork":{"isolationMode":"AllowOnlyApprovedOutbound","firewallSku":"Basic","managedNetworkKind":"V2"}}}""",
            h.Requests[1].Body);
        Assert.Equal("Basic", updated.Properties.ManagedNetwork?.FirewallSku);
        Assert.Equal("V2", updated.Properties.ManagedNetwork?.ManagedNetworkKind);
        Assert.Equal(IsolationMode.AllowOnlyApprovedOutbound, updated.Properties.ManagedNetwork?.IsolationMode);
    }

    [Fact]
    public async Task PATCH_that_sets_the_firewall_SKU_keeps_the_patch_value_and_re_sends_the_current_isolation_mode()
    {
        await using var h = await StartAsync(ReplacingService(keepRules: true));
        await h.Client.PatchWorkspaceNetworkAsync(Ws, Patch(firewallSku: "Standard"));
        JsonAssert.Equal(
            """{"properties":{"managedNetwork":{"isolationMode":"AllowInternetOutbound","firewallSku":"Standard","managedNetworkKind":"V2"}}}""",
            h.Requests[1].Body);
    }

    [Fact]
    public async Task An_empty_managedNetwork_is_never_sent_and_a_PATCH_without_network_fields_reads_nothing_first()
    {
        await using var h = await StartAsync(ReplacingService(keepRules: false));
        await h.Client.PatchWorkspaceNetworkAsync(Ws, Patch(publicNetworkAccess: "Disabled", emptyNetwork: true));
        Assert.Equal(["PATCH"], h.Requests.Select(r => r.Method));
        JsonAssert.Equal("""{"properties":{"publicNetworkAccess":"Disabled"}}""", h.Requests[0].Body);
    }

    [Fact]
    public async Task User_defined_rules_lost_by_the_PATCH_are_a_typed_ManagedNetworkRulesLost_naming_them_never_a_success()
    {
        await using var h = await StartAsync(ReplacingService(keepRules: false));
        var error = await Assert.ThrowsAsync<ManagedNetworkRulesLostException>(
            () => h.Client.PatchWorkspaceNetworkAsync(Ws, Patch(IsolationMode.AllowOnlyApprovedOutbound)));
        Assert.Equal(ArmErrorCodes.ManagedNetworkRulesLost, error.Code);
        Assert.False(error.IsRetryable);
        Assert.Equal("PATCH", error.Method);
        Assert.Equal(Ws, error.ResourceId);
        Assert.Contains("pypi, Storage", error.Message, StringComparison.Ordinal);
        // Neither the rule already being deleted nor the service's Required rule counts as lost.
        Assert.DoesNotContain("leaving", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("__SYS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_PATCH_answer_without_the_rules_is_double_checked_against_the_rule_list_before_any_alarm()
    {
        var service = ReplacingService(keepRules: true);
        await using var h = await StartAsync((req, fake) =>
        {
            var answer = service(req, fake);
            if (req.Method != "PATCH") return answer;
            var body = ((JsonNode)answer.Body!).DeepClone();
            body["properties"]!["managedNetwork"]!.AsObject().Remove("outboundRules");
            return answer with { Body = body };
        });
        await h.Client.PatchWorkspaceNetworkAsync(Ws, Patch(IsolationMode.AllowOnlyApprovedOutbound));
        Assert.Equal(
            ["GET {ws}", "PATCH {ws}", "GET {ws}/outboundRules"],
            h.Requests.Select(r => $"{r.Method} {PathOf(r.Url).Replace(Ws, "{ws}", StringComparison.Ordinal)}"));
    }

    [Fact]
    public async Task Create_the_PUT_carries_If_None_Match_star_so_a_workspace_created_since_the_GET_is_not_overwritten()
    {
        // The race: the GET finds nothing, someone else creates the workspace, then our PUT arrives.
        await using var h = await StartAsync((req, _) =>
        {
            if (req.Method == "GET")
            {
                return new FakeResponse(404, new { error = new { code = "ResourceNotFound", message = "not found" } });
            }
            if (req.Header("if-none-match") == "*")
            {
                return new FakeResponse(412, new
                {
                    error = new { code = "PreconditionFailed", message = "The resource already exists (If-None-Match: *)." },
                });
            }
            return new FakeResponse(200, new { id = Ws, name = "ws1", location = "westeurope", properties = new { provisioningState = "Succeeded" } });
        });
        var error = await Assert.ThrowsAsync<ArmResourceAlreadyExistsException>(() => h.Client.BeginCreateWorkspaceAsync(
            Ws, new WorkspaceCreateBody { Location = "westeurope", Properties = new WorkspaceProperties() }));
        Assert.Equal(ArmErrorCodes.ResourceAlreadyExists, error.Code);
        Assert.True(error.IsConflict);
        Assert.Equal(["GET", "PUT"], h.Requests.Select(r => r.Method));
        Assert.Equal("*", h.Requests[1].Header("if-none-match"));
    }
}
