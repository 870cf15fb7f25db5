using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Service.Tests.Support;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Migrations;

/// <summary>POST /api/v1/migrations/{id}/resume (new in C#: the TS resumed from the CLI only).</summary>
public sealed class MigrationResumeTests : IDisposable
{
    const string MigrationId = "3f2a9c1d-0b7e-4f5a-8c6d-2e1f0a9b8c7d";
    readonly ServiceRig rig = new();

    public MigrationResumeTests()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one"))).Add(FakePlanning.Workspace(WsId("ws-excluded")));
        rig.Migrations.Known.Add((WsId("ws-one"), MigrationId));
        rig.Migrations.Known.Add((WsId("ws-excluded"), MigrationId));
    }

    public void Dispose() => rig.Dispose();

    static JsonObject Body(Action<JsonObject>? change = null)
    {
        var body = new JsonObject { ["workspaceId"] = WsId("ws-one"), ["ticketId"] = "CHG-R1", ["requestedBy"] = "bob@contoso.com" };
        change?.Invoke(body);
        return body;
    }

    Task<HttpAnswer> ResumeAsync(JsonObject body, string id = MigrationId) =>
        rig.SendAsync(rig.Api.ResumeMigrationAsync, "POST", $"/api/v1/migrations/{id}/resume", new HttpRequestSpec { Body = body, Id = id });

    [Fact]
    public async Task Resume_starts_resumeMigration_under_the_workspaces_migrate_id_with_the_app_policy()
    {
        var res = await ResumeAsync(Body());
        Assert.Equal(202, res.Status);
        string id = WorkflowInstanceIds.ForWorkspace(WsId("ws-one"), InstancePurpose.Migrate);
        Assert.Equal(id, res.Text("instanceId"));
        Assert.Equal($"{BaseUrl}/requests/{id}", res.Header("location"));
        var (name, instanceId, _) = Assert.Single(rig.Durable.Starts);
        Assert.Equal("resumeMigration", name);
        Assert.Equal(id, instanceId);
        var input = rig.Durable.InputOf(0);
        Assert.Equal(MigrationId, input.GetProperty("migrationId").GetString());
        Assert.Equal("baseline", input.GetProperty("policy").GetProperty("name").GetString());
        Assert.Equal("bob@contoso.com", input.GetProperty("request").GetProperty("requestedBy").GetString());
        Assert.Equal(200, (await ResumeAsync(Body())).Status);
        Assert.Single(rig.Durable.Starts);
    }

    [Fact]
    public async Task An_unknown_migration_is_404_and_a_busy_workspace_409()
    {
        Assert.Equal(404, (await ResumeAsync(Body(), "0000aaaa-0000-0000-0000-000000000000")).Status);
        await rig.Durable.ScheduleNewOrchestrationInstanceAsync("onboardWorkspace", new { workspaceId = WsId("ws-one"), request = new { ticketId = "INC9" } },
            new StartOrchestrationOptions(WorkflowInstanceIds.ForWorkspace(WsId("ws-one"))));
        var busy = await ResumeAsync(Body());
        Assert.Equal(409, busy.Status);
        Assert.Equal("INC9", busy.Text("ticketId"));
        rig.Durable.Set(WorkflowInstanceIds.ForWorkspace(WsId("ws-one")), OrchestrationRuntimeStatus.Failed);
        Assert.Equal(202, (await ResumeAsync(Body())).Status);
    }

    [Fact]
    public async Task Resume_is_fenced_like_every_write_out_of_scope_other_subscription_no_policy_member()
    {
        Assert.Equal(403, (await ResumeAsync(Body(b => b["workspaceId"] = WsId("ws-excluded")))).Status);
        Assert.Equal(403, (await ResumeAsync(Body(b => b["workspaceId"] = WsId("ws-one", "rg-ml", OtherSub)))).Status);
        var withPolicy = await ResumeAsync(Body(b => b["policy"] = new JsonObject { ["name"] = "evil" }));
        Assert.Equal(400, withPolicy.Status);
        Assert.Contains("unknown-field", withPolicy.ErrorRules);
        Assert.Empty(rig.Durable.Starts);
    }
}
