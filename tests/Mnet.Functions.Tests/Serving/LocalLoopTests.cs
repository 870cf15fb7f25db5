using System.Text.Json.Nodes;
using Mnet.Functions.Tests.Support;
using Mnet.Workflows.Durable;

namespace Mnet.Functions.Tests.Serving;

/// <summary>
/// Port of tests/functions/local-loop.test.ts on <c>mnet serve</c> (in process, in-memory test server): the real
/// handlers and services, the local engine running the app's orchestrations, the ARM client against the emulator.
/// </summary>
public sealed class LocalLoopTests
{
    static async Task<string> SubmitAndWaitAsync(ServeRig rig, string ticketId)
    {
        var (status, body) = await rig.PostAsync("/api/v1/requests", new
        {
            workspaceId = ServeRig.WsInternet,
            policy = "tighten",
            ticketId,
            requestedBy = "alice@contoso.com",
        });
        Assert.True(status == 202, body.ToJsonString());
        string id = (string)body["instanceId"]!;
        Assert.Equal("AllowOnlyApprovedOutbound", (string?)body["plan"]!["desiredMode"]);
        Assert.Contains(body["plan"]!["steps"]!.AsArray(), s => (bool)s!["flags"]!["needsApproval"]!);
        var view = await rig.WaitForAsync(id, v => (string?)v["state"] == "waiting-for-approval", "waiting for approval");
        Assert.Equal(ticketId, (string?)view["ticketId"]);
        return id;
    }

    static async Task<JsonObject> DecisionAsync(ServeRig rig, string id, string approver, string? comment = null)
    {
        var (_, view) = await rig.GetAsync($"/api/v1/requests/{id}");
        var decision = new JsonObject
        {
            ["approver"] = approver,
            ["runId"] = (string?)view["approval"]!["runId"],
            ["planHash"] = (string?)view["approval"]!["planHash"],
        };
        if (comment is not null) decision["comment"] = comment;
        return decision;
    }

    [Fact]
    public async Task Request_waits_for_approval_then_approve_reaches_the_orchestration_and_applies()
    {
        await using var rig = await ServeRig.StartAsync();
        string id = await SubmitAndWaitAsync(rig, "INC-LOOP-1");
        var decision = await DecisionAsync(rig, id, "carol@contoso.com");
        var (status, accepted) = await rig.PostAsync($"/api/v1/requests/{id}/approve", decision);
        Assert.True(status == 202, accepted.ToJsonString());
        Assert.Equal("function-key", (string?)accepted["decision"]!["authenticatedAs"]);
        Assert.Equal("carol@contoso.com", (string?)accepted["decision"]!["approver"]);

        var done = await rig.WaitForAsync(id, v => (string?)v["state"] is "completed" or "failed", "finished");
        Assert.True((string?)done["state"] == "completed", done.ToJsonString());
        Assert.True((string?)done["result"] == "applied", done.ToJsonString());
        var ws = await rig.WorkspaceAsync(ServeRig.WsInternet);
        Assert.Equal("AllowOnlyApprovedOutbound", (string?)ws["properties"]!["managedNetwork"]!["isolationMode"]);

        // A second approval after the fact is a conflict.
        var (late, _) = await rig.PostAsync($"/api/v1/requests/{id}/approve", decision);
        Assert.Equal(409, late);
    }

    [Fact]
    public async Task Reject_ends_the_request_without_changing_the_workspace()
    {
        await using var rig = await ServeRig.StartAsync();
        string id = await SubmitAndWaitAsync(rig, "INC-LOOP-2");
        long mark = rig.Emulator.Requests.List().Select(r => r.Seq).DefaultIfEmpty().Max();
        var (status, _) = await rig.PostAsync($"/api/v1/requests/{id}/reject", await DecisionAsync(rig, id, "dave@contoso.com", "not this quarter"));
        Assert.Equal(202, status);
        var done = await rig.WaitForAsync(id, v => (string?)v["state"] is "completed" or "failed", "finished");
        Assert.Equal("rejected", (string?)done["result"]);
        var ws = await rig.WorkspaceAsync(ServeRig.WsInternet);
        Assert.Equal("AllowInternetOutbound", (string?)ws["properties"]!["managedNetwork"]!["isolationMode"]);
        Assert.DoesNotContain(rig.Emulator.Requests.List(), r => r.Seq > mark && r.Method is "PATCH" or "PUT" or "DELETE");
    }

    [Fact]
    public async Task Plan_reads_through_arm_and_starts_nothing_then_event_grid_starts_one_onboarding()
    {
        await using var rig = await ServeRig.StartAsync();
        var (status, plan) = await rig.PostAsync("/api/v1/plan", new { workspaceId = ServeRig.WsInternet, policy = "tighten" });
        Assert.True(status == 200, plan.ToJsonString());
        Assert.Equal(ServeRig.WsInternet, (string?)plan["plan"]!["workspaceId"]);
        Assert.Empty(await ListInstancesAsync(rig));

        var events = new JsonArray(new JsonObject
        {
            ["id"] = "e1",
            ["topic"] = $"/subscriptions/{ServeRig.Sub}",
            ["subject"] = ServeRig.WsInternet,
            ["eventType"] = "Microsoft.Resources.ResourceWriteSuccess",
            ["eventTime"] = "2025-01-01T00:00:00Z",
            ["data"] = new JsonObject
            {
                ["subscriptionId"] = ServeRig.Sub,
                ["resourceUri"] = ServeRig.WsInternet,
                ["operationName"] = "Microsoft.MachineLearningServices/workspaces/write",
                ["status"] = "Succeeded",
            },
            ["dataVersion"] = "2",
            ["metadataVersion"] = "1",
        });
        var (first, firstBody) = await rig.PostAsync("/api/v1/events", events);
        Assert.Equal(200, first);
        Assert.Equal("started", (string?)firstBody["outcomes"]![0]!["action"]);
        var (_, secondBody) = await rig.PostAsync("/api/v1/events", events);
        Assert.Equal("already-running", (string?)secondBody["outcomes"]![0]!["action"]);
        var instances = await ListInstancesAsync(rig);
        Assert.Equal([WorkflowInstanceIds.ForWorkspace(ServeRig.WsInternet)], instances);
    }

    [Fact]
    public async Task The_drift_tick_runs_a_scan_never_overlapping_and_get_drift_serves_its_report()
    {
        await using var rig = await ServeRig.StartAsync();
        var (before, problem) = await rig.GetAsync("/api/v1/drift");
        Assert.Equal(404, before);
        Assert.Equal("urn:mnet-autopilot:problem:not-found", (string?)problem["type"]);

        // The tick the serve timer (and the Functions timer trigger) runs.
        var drift = rig.Server.Api.Application.Drift;
        var first = await drift.StartScanAsync(rig.Client);
        Assert.True(first.Started);
        Assert.False((await drift.StartScanAsync(rig.Client)).Started);
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
        {
            await rig.Client.WaitForInstanceCompletionAsync(first.InstanceId, cancellation: wait.Token);
        }

        var (after, report) = await rig.GetAsync("/api/v1/drift");
        Assert.True(after == 200, report.ToJsonString());
        Assert.Equal("tighten", (string?)report["policyName"]);
        Assert.True((await drift.StartScanAsync(rig.Client)).Started);
    }

    static async Task<List<string>> ListInstancesAsync(ServeRig rig)
    {
        var ids = new List<string>();
        await foreach (var instance in rig.Client.GetAllInstancesAsync()) ids.Add(instance.InstanceId);
        return ids;
    }
}
