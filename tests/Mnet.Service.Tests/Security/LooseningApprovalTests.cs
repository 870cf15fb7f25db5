using System.Text.Json.Nodes;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using Mnet.Service.Tests.Support;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Security;

/// <summary>
/// Security fix 2: changes that loosen isolation (rule removals, public network access enabled, private endpoints to
/// targets the workspace has none to yet) need approval like mode changes. The service marks them on every plan it
/// computes (the preview a requester sees); the onboarding gates on the same flags once the planner calls
/// <see cref="IsolationLoosening"/> (DESIGN.md, "Open").
/// </summary>
public sealed class LooseningApprovalTests
{
    const string Existing = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stexisting";
    const string Fresh = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stfresh";

    static JsonObject LoosePolicy() => new()
    {
        ["name"] = "loose",
        ["scope"] = new JsonObject { ["subscriptions"] = new JsonArray(Sub) },
        ["public_network_access"] = "enabled",
        ["managed_network"] = new JsonObject
        {
            ["isolation_mode"] = "allow_internet_outbound",
            ["outbound_rules"] = new JsonArray(
                Pe("existing-blob", Existing),
                Pe("fresh-blob", Fresh)),
        },
    };

    static JsonObject Pe(string name, string target) => new()
    {
        ["name"] = name,
        ["type"] = "private_endpoint",
        ["destination"] = new JsonObject { ["service_resource_id"] = target, ["subresource_target"] = "blob" },
    };

    static ServiceRig Rig(Func<SecurityChecks, SecurityChecks>? checks = null)
    {
        var rig = new ServiceRig(checks: checks, extraPolicies: new Dictionary<string, string> { ["loose.json"] = LoosePolicy().ToJsonString() });
        var ws = FakePlanning.Workspace(WsId("ws-one"), mode: IsolationMode.AllowInternetOutbound) with
        {
            Properties = new WorkspaceProperties
            {
                PublicNetworkAccess = "Disabled",
                ManagedNetwork = new ManagedNetworkSettings { IsolationMode = IsolationMode.AllowInternetOutbound },
            },
        };
        rig.Planning.Add(new WorkspaceState
        {
            Workspace = ws,
            Computes = [],
            OnlineEndpoints = [],
            OutboundRules = new Dictionary<string, OutboundRule>
            {
                ["pypi"] = new FqdnOutboundRule { Destination = "pypi.org", Category = "UserDefined", Status = "Active" },
                ["existing-blob"] = new PrivateEndpointOutboundRule
                {
                    Destination = new PrivateEndpointDestination { ServiceResourceId = Existing, SubresourceTarget = "blob" },
                    Category = "UserDefined",
                    Status = "Active",
                },
            },
        });
        return rig;
    }

    static IEnumerable<JsonObject> Steps(HttpAnswer res) => res.Body["plan"]!["steps"]!.AsArray().OfType<JsonObject>();

    static bool NeedsApproval(JsonObject step) => step["flags"]!["needsApproval"]!.GetValue<bool>();

    [Fact]
    public async Task Rule_removals_public_access_and_new_private_endpoint_targets_need_approval()
    {
        using var rig = Rig();
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody(b => b["policy"] = "loose"));
        Assert.Equal(202, res.Status);
        var steps = Steps(res).ToList();
        var remove = steps.Single(s => s["kind"]!.GetValue<string>() == "remove-rule");
        var access = steps.Single(s => s["kind"]!.GetValue<string>() == "set-public-network-access");
        var fresh = steps.Single(s => s["kind"]!.GetValue<string>() == "add-rule" && s["target"]!.GetValue<string>() == "fresh-blob");
        Assert.True(NeedsApproval(remove));
        Assert.True(NeedsApproval(access));
        Assert.True(NeedsApproval(fresh));
    }

    [Fact]
    public async Task Reverted_the_same_loosening_steps_would_run_without_anyone_approving()
    {
        using var rig = Rig(c => c with { LooseningNeedsApproval = false });
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody(b => b["policy"] = "loose"));
        Assert.Equal(202, res.Status);
        Assert.All(Steps(res).Where(s => s["kind"]!.GetValue<string>() is "remove-rule" or "set-public-network-access" or "add-rule"),
            s => Assert.False(NeedsApproval(s)));
    }

    [Fact]
    public void Tightening_steps_and_private_endpoints_to_known_targets_need_no_extra_approval()
    {
        var known = new HashSet<string>([Existing], StringComparer.OrdinalIgnoreCase);
        var disable = new SetPublicNetworkAccessStep
        {
            Id = "a", Target = "ws", Reason = "r", Flags = StepFlags.None, Params = new SetPublicNetworkAccessParams("Enabled", "Disabled"),
        };
        var enable = disable with { Params = new SetPublicNetworkAccessParams("Disabled", "Enabled") };
        var addKnown = new AddRuleStep
        {
            Id = "b", Target = "x", Reason = "r", Flags = StepFlags.None,
            Params = new AddRuleParams("x", new PrivateEndpointOutboundRule { Destination = new PrivateEndpointDestination { ServiceResourceId = Existing.ToUpperInvariant(), SubresourceTarget = "blob" } }, false),
        };
        var addFqdn = addKnown with { Params = new AddRuleParams("y", new FqdnOutboundRule { Destination = "conda.anaconda.org" }, false) };
        Assert.False(IsolationLoosening.Loosens(disable, known));
        Assert.True(IsolationLoosening.Loosens(enable, known));
        Assert.False(IsolationLoosening.Loosens(addKnown, known));
        Assert.False(IsolationLoosening.Loosens(addFqdn, known));
    }
}
