using System.Text.Json.Nodes;
using Mnet.Core.Resources;
using Mnet.Service.Tests.Support;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Security;

/// <summary>
/// Security fix 1: a request cannot widen or replace the app's policy. No inline policy on a call that writes (inline
/// is for /plan and dry runs); the app policy's scope, exclusions and subscriptions apply to any policy a request
/// names. Each attack is also run against the service with its check reverted, where it must succeed.
/// </summary>
public sealed class PolicyWideningAttackTests
{
    static ServiceRig Rig(Func<SecurityChecks, SecurityChecks>? checks = null)
    {
        var rig = new ServiceRig(checks: checks, extraPolicies: new Dictionary<string, string> { ["wide.json"] = HostilePolicies.Wide().ToJsonString() });
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one"), mode: IsolationMode.AllowInternetOutbound))
            .Add(FakePlanning.Workspace(WsId("ws-excluded")));
        return rig;
    }

    static JsonObject InlineAttack() => ServiceRig.SubmitBody(b => b["policy"] = HostilePolicies.Exfiltration());

    [Fact]
    public async Task An_inline_policy_on_post_requests_is_refused_and_nothing_starts()
    {
        using var rig = Rig();
        var res = await rig.SubmitAsync(InlineAttack());
        Assert.Equal(400, res.Status);
        Assert.Contains("inline-policy", res.ErrorRules);
        Assert.Empty(rig.Durable.Starts);
        Assert.Equal(0, rig.TicketCount);
    }

    [Fact]
    public async Task Reverted_the_inline_policy_reaches_the_onboarding_with_the_exfiltration_rule()
    {
        using var rig = Rig(c => c with { RefuseInlinePolicyOnWrites = false });
        var res = await rig.SubmitAsync(InlineAttack());
        Assert.Equal(202, res.Status);
        string input = rig.Durable.Starts[0].Input;
        Assert.Contains(HostilePolicies.ExfiltrationHost, input);
        Assert.Contains("stevil", input);
    }

    [Fact]
    public async Task An_inline_policy_on_post_workspaces_is_refused()
    {
        using var rig = Rig();
        var res = await rig.CreateAsync(ServiceRig.CreateBody(b => b["policy"] = HostilePolicies.Exfiltration()));
        Assert.Equal(400, res.Status);
        Assert.Contains("inline-policy", res.ErrorRules);
        Assert.Empty(rig.Durable.Starts);
    }

    [Fact]
    public async Task Reverted_an_inline_policy_on_post_workspaces_creates_with_the_attackers_rules()
    {
        using var rig = Rig(c => c with { RefuseInlinePolicyOnWrites = false });
        var res = await rig.CreateAsync(ServiceRig.CreateBody(b => b["policy"] = HostilePolicies.Exfiltration()));
        Assert.Equal(202, res.Status);
        Assert.Contains(HostilePolicies.ExfiltrationHost, rig.Durable.Starts[0].Input);
    }

    [Fact]
    public async Task Inline_policies_stay_allowed_where_nothing_is_written_plan_and_dry_runs()
    {
        using var rig = Rig();
        var plan = await rig.PlanAsync(new JsonObject { ["workspaceId"] = WsId("ws-one"), ["policy"] = HostilePolicies.Exfiltration() });
        Assert.Equal(200, plan.Status);
        var dry = await rig.SubmitAsync(ServiceRig.SubmitBody(b => { b["policy"] = HostilePolicies.Exfiltration(); b["dryRun"] = true; }));
        Assert.Equal(202, dry.Status);
        Assert.True(rig.Durable.InputOf(0).GetProperty("dryRun").GetBoolean());
    }

    [Fact]
    public async Task A_named_policy_with_a_wider_scope_cannot_reach_a_workspace_the_app_policy_excludes()
    {
        using var rig = Rig();
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody(b => { b["workspaceId"] = WsId("ws-excluded"); b["policy"] = "wide"; }));
        Assert.True(res.Status == 403, res.Body.ToJsonString());
        Assert.Contains("baseline", res.Text("detail"));
        Assert.Empty(rig.Durable.Starts);
    }

    [Fact]
    public async Task Reverted_the_wide_named_policy_reaches_the_excluded_workspace()
    {
        using var rig = Rig(c => c with { AppScopeAlwaysApplies = false });
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody(b => { b["workspaceId"] = WsId("ws-excluded"); b["policy"] = "wide"; }));
        Assert.Equal(202, res.Status);
    }

    [Fact]
    public async Task Even_a_plan_with_an_inline_policy_is_fenced_by_the_app_policy_scope()
    {
        using var rig = Rig();
        var wide = HostilePolicies.Wide();
        Assert.Equal(403, (await rig.PlanAsync(new JsonObject { ["workspaceId"] = WsId("ws-excluded"), ["policy"] = wide })).Status);
        using var reverted = Rig(c => c with { AppScopeAlwaysApplies = false });
        Assert.Equal(200, (await reverted.PlanAsync(new JsonObject { ["workspaceId"] = WsId("ws-excluded"), ["policy"] = HostilePolicies.Wide() })).Status);
    }

    [Fact]
    public async Task A_creation_with_a_wide_named_policy_is_fenced_by_the_app_policy_scope()
    {
        using var rig = Rig();
        Assert.Equal(403, (await rig.CreateAsync(ServiceRig.CreateBody(b => { b["name"] = "ws-excluded"; b["policy"] = "wide"; }))).Status);
        Assert.Empty(rig.Durable.Starts);
    }

    [Fact]
    public async Task Other_subscriptions_are_refused_whatever_the_policy_says_before_anything_is_read()
    {
        using var rig = Rig();
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one", "rg-ml", OtherSub)));
        foreach (var policy in new JsonNode?[] { JsonValue.Create("wide"), null })
        {
            var res = await rig.SubmitAsync(ServiceRig.SubmitBody(b => { b["workspaceId"] = WsId("ws-one", "rg-ml", OtherSub); b["policy"] = policy?.DeepClone(); if (policy is null) b.Remove("policy"); }));
            Assert.Equal(403, res.Status);
        }

        var plan = await rig.PlanAsync(new JsonObject { ["workspaceId"] = WsId("ws-one", "rg-ml", OtherSub), ["policy"] = HostilePolicies.Exfiltration() });
        Assert.Equal(403, plan.Status);
        Assert.Equal(0, rig.Planning.Reads);
        Assert.Empty(rig.Durable.Starts);
    }
}
