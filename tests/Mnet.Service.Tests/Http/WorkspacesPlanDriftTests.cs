using System.Text.Json.Nodes;
using Mnet.Core.Drift;
using Mnet.Service.Tests.Support;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores.Reports;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Http;

/// <summary>Port of tests/functions/http-workspaces-plan-drift.test.ts.</summary>
public sealed class WorkspacesPlanDriftTests : IDisposable
{
    readonly ServiceRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task Post_workspaces_starts_createWorkspace_and_returns_202_with_links()
    {
        var res = await rig.CreateAsync(ServiceRig.CreateBody(b =>
        {
            b["dependencies"] = new JsonObject { ["storageAccount"] = StorageId() };
            b["tags"] = new JsonObject { ["owner"] = "ml-team" };
        }));
        Assert.Equal(202, res.Status);
        string id = WorkflowInstanceIds.ForWorkspace(WsId("ws-new"), InstancePurpose.Create);
        Assert.Equal(id, res.Text("instanceId"));
        Assert.Equal(WsId("ws-new"), res.Text("workspaceId"));
        Assert.Equal($"{BaseUrl}/requests/{id}", res.Body["links"]!["status"]!.GetValue<string>());
        var (name, _, _) = Assert.Single(rig.Durable.Starts);
        Assert.Equal("createWorkspace", name);
        var input = rig.Durable.InputOf(0);
        Assert.Equal("ws-new", input.GetProperty("name").GetString());
        Assert.Equal("Default", input.GetProperty("kind").GetString());
        Assert.Equal("ml-team", input.GetProperty("tags").GetProperty("owner").GetString());
        var request = input.GetProperty("request");
        Assert.Equal("http", request.GetProperty("trigger").GetString());
        Assert.Equal("CHG0001", request.GetProperty("ticketId").GetString());
        Assert.Equal("bob@contoso.com", request.GetProperty("requestedBy").GetString());
        Assert.EndsWith("/stml", input.GetProperty("dependencies").GetProperty("storageAccount").GetString());
    }

    [Fact]
    public async Task Post_workspaces_a_project_needs_a_hub_and_the_same_ticket_twice_returns_the_first()
    {
        string hubId = WsId("hub-one");
        var res = await rig.CreateAsync(ServiceRig.CreateBody(b => b["kind"] = "Project"));
        Assert.Equal(400, res.Status);
        Assert.Equal("hub-required", res.ErrorRules[0]);
        res = await rig.CreateAsync(ServiceRig.CreateBody(b => { b["kind"] = "Project"; b["hubId"] = hubId; }));
        Assert.Equal(202, res.Status);
        Assert.Equal(hubId, rig.Durable.InputOf(0).GetProperty("hubId").GetString());
        var again = await rig.CreateAsync(ServiceRig.CreateBody(b => { b["kind"] = "Project"; b["hubId"] = hubId; b["name"] = "ws-other"; }));
        Assert.Equal(200, again.Status);
        Assert.True(again.Body["replayed"]!.GetValue<bool>());
        Assert.Equal(res.Text("instanceId"), again.Text("instanceId"));
        Assert.Single(rig.Durable.Starts);
    }

    [Fact]
    public async Task Post_workspaces_every_referenced_subscription_must_be_configured_and_policy_scope_applies()
    {
        Assert.Equal(403, (await rig.CreateAsync(ServiceRig.CreateBody(b => b["subscriptionId"] = OtherSub))).Status);
        var foreignVault = await rig.CreateAsync(ServiceRig.CreateBody(b => b["dependencies"] = new JsonObject
        {
            ["keyVault"] = $"/subscriptions/{OtherSub}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1",
        }));
        Assert.Equal(403, foreignVault.Status);
        Assert.Contains("referenced resource", foreignVault.Text("detail"));
        Assert.Equal(403, (await rig.CreateAsync(ServiceRig.CreateBody(b => b["name"] = "ws-excluded"))).Status);
        Assert.Equal(403, (await rig.CreateAsync(ServiceRig.CreateBody(b => { b["policy"] = "strict"; b["resourceGroup"] = "rg-elsewhere"; }))).Status);
        Assert.Empty(rig.Durable.Starts);
    }

    [Fact]
    public async Task Post_plan_returns_the_plan_only_and_starts_nothing()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        var res = await rig.PlanAsync(new JsonObject { ["workspaceId"] = WsId("ws-one"), ["policy"] = "strict" });
        Assert.Equal(200, res.Status);
        Assert.Equal("strict", res.Text("policy"));
        Assert.Equal("strict", res.Body["plan"]!["policyName"]!.GetValue<string>());
        Assert.Empty(rig.Durable.Starts);
        Assert.Equal(0, rig.TicketCount);
    }

    [Fact]
    public async Task Post_plan_404_unknown_workspace_403_outside_scope_400_bad_policy()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-excluded")));
        Assert.Equal(404, (await rig.PlanAsync(new JsonObject { ["workspaceId"] = WsId("ws-none") })).Status);
        Assert.Equal(403, (await rig.PlanAsync(new JsonObject { ["workspaceId"] = WsId("ws-excluded") })).Status);
        Assert.Equal(403, (await rig.PlanAsync(new JsonObject { ["workspaceId"] = WsId("ws-excluded", "rg", OtherSub) })).Status);
        var bad = await rig.PlanAsync(new JsonObject { ["workspaceId"] = WsId("ws-none"), ["policy"] = "no-such-policy" });
        Assert.Equal(400, bad.Status);
        Assert.Contains("unknown policy \"no-such-policy\"; known policies: baseline, strict", bad.Errors[0]["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_drift_is_a_404_problem_before_the_first_scan_and_the_report_after()
    {
        var res = await rig.DriftAsync();
        Assert.Equal(404, res.Status);
        Assert.Equal("application/problem+json", res.Header("content-type"));
        var at = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        rig.DriftReports.Latest = new StoredDriftReport("20250101T000000000Z", at, "baseline", "mnet-drift-0123456789abcdef", false,
            new DriftReport { PolicyName = "baseline", GeneratedAt = at, Scanned = 3, InScope = 2, Compliant = 2 });
        res = await rig.DriftAsync();
        Assert.Equal(200, res.Status);
        Assert.Equal("baseline", res.Text("policyName"));
        Assert.Equal("baseline", res.Body["report"]!["policyName"]!.GetValue<string>());
        Assert.Equal(3, res.Body["report"]!["scanned"]!.GetValue<int>());
        Assert.Equal("20250101T000000000Z", res.Text("key"));
    }
}
