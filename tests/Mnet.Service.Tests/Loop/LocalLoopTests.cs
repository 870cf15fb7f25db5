using System.Text.Json.Nodes;
using Mnet.Core.Resources;
using Mnet.Service.Events;
using Mnet.Service.Tests.Support;
using Mnet.Workflows.Durable;

namespace Mnet.Service.Tests.Loop;

/// <summary>
/// Port of tests/functions/local-loop.test.ts: the real handlers and services, the real engine running the product's
/// orchestrations, the real ARM client against the emulator.
/// </summary>
public sealed class LocalLoopTests : IAsyncLifetime
{
    LoopRig rig = null!;

    public async Task InitializeAsync() => rig = await LoopRig.StartAsync();

    public async Task DisposeAsync() => await rig.DisposeAsync();

    async Task<string> SubmitAndWaitAsync(string ticketId)
    {
        var body = new JsonObject { ["workspaceId"] = LoopRig.WsInternet, ["policy"] = "tighten", ["ticketId"] = ticketId, ["requestedBy"] = "alice@contoso.com" };
        var res = await rig.SendAsync(rig.Api.SubmitRequestAsync, "POST", "/api/v1/requests", new HttpRequestSpec { Body = body });
        Assert.True(res.Status == 202, res.Body.ToJsonString());
        Assert.Equal("AllowOnlyApprovedOutbound", res.Body["plan"]!["desiredMode"]!.GetValue<string>());
        Assert.Contains(res.Body["plan"]!["steps"]!.AsArray(), s => s!["flags"]!["needsApproval"]!.GetValue<bool>());
        string id = res.Text("instanceId")!;
        var view = await rig.WaitForStateAsync(id, "waiting-for-approval");
        Assert.Equal(ticketId, view.Text("ticketId"));
        Assert.NotNull(view.Body["approval"]);
        return id;
    }

    async Task<JsonObject> DecisionAsync(string id, string approver, string? comment = null)
    {
        var view = await rig.SendAsync(rig.Api.GetRequestAsync, "GET", $"/api/v1/requests/{id}", new HttpRequestSpec { Id = id });
        var body = new JsonObject
        {
            ["approver"] = approver,
            ["runId"] = view.Body["approval"]!["runId"]!.GetValue<string>(),
            ["planHash"] = view.Body["approval"]!["planHash"]!.GetValue<string>(),
        };
        if (comment is not null) body["comment"] = comment;
        return body;
    }

    [Fact]
    public async Task Request_waits_for_approval_then_approve_reaches_the_orchestration_and_applies()
    {
        string id = await SubmitAndWaitAsync("INC-LOOP-1");
        var approve = await rig.SendAsync(rig.Api.ApproveAsync, "POST", $"/api/v1/requests/{id}/approve",
            new HttpRequestSpec { Body = await DecisionAsync(id, "carol@contoso.com"), Id = id });
        Assert.Equal(202, approve.Status);
        var view = await rig.WaitForStateAsync(id, "completed", "failed");
        Assert.True(view.Text("result") == "applied", view.Body.ToJsonString());
        var ws = await rig.Arm.GetWorkspaceAsync(LoopRig.WsInternet);
        Assert.Equal(IsolationMode.AllowOnlyApprovedOutbound, ws.Properties.ManagedNetwork?.IsolationMode);
        // A second approval after the fact is a conflict.
        var late = await rig.SendAsync(rig.Api.ApproveAsync, "POST", $"/api/v1/requests/{id}/approve",
            new HttpRequestSpec { Body = new JsonObject { ["approver"] = "carol", ["runId"] = "run-0123456789abcdef", ["planHash"] = new string('a', 32) }, Id = id });
        Assert.Equal(409, late.Status);
    }

    [Fact]
    public async Task Reject_ends_the_request_without_changing_the_workspace()
    {
        string id = await SubmitAndWaitAsync("INC-LOOP-2");
        long mark = rig.Emulator.Requests.List().LastOrDefault()?.Seq ?? 0;
        var reject = await rig.SendAsync(rig.Api.RejectAsync, "POST", $"/api/v1/requests/{id}/reject",
            new HttpRequestSpec { Body = await DecisionAsync(id, "dave@contoso.com", "not this quarter"), Id = id });
        Assert.Equal(202, reject.Status);
        var view = await rig.WaitForStateAsync(id, "completed", "failed");
        Assert.Equal("rejected", view.Text("result"));
        Assert.Equal(IsolationMode.AllowInternetOutbound, (await rig.Arm.GetWorkspaceAsync(LoopRig.WsInternet)).Properties.ManagedNetwork?.IsolationMode);
        Assert.DoesNotContain(rig.Emulator.Requests.List(), r => r.Seq > mark && r.Method is "PATCH" or "PUT" or "DELETE");
    }

    [Fact]
    public async Task Plan_reads_through_arm_and_starts_nothing_and_event_grid_starts_one_onboarding()
    {
        var plan = await rig.SendAsync(rig.Api.PlanAsync, "POST", "/api/v1/plan",
            new HttpRequestSpec { Body = new JsonObject { ["workspaceId"] = LoopRig.WsInternet, ["policy"] = "tighten" } });
        Assert.Equal(200, plan.Status);
        Assert.Equal(LoopRig.WsInternet, plan.Body["plan"]!["workspaceId"]!.GetValue<string>());
        Assert.Null(await rig.Client.GetInstanceAsync(WorkflowInstanceIds.ForWorkspace(LoopRig.WsInternet)));
        string message = new JsonObject
        {
            ["id"] = "e1", ["topic"] = $"/subscriptions/{LoopRig.S1}", ["subject"] = LoopRig.WsInternet,
            ["eventType"] = "Microsoft.Resources.ResourceWriteSuccess", ["eventTime"] = "2025-01-01T00:00:00Z",
            ["data"] = new JsonObject { ["subscriptionId"] = LoopRig.S1, ["resourceUri"] = LoopRig.WsInternet, ["operationName"] = "Microsoft.MachineLearningServices/workspaces/write", ["status"] = "Succeeded" },
            ["dataVersion"] = "2", ["metadataVersion"] = "1",
        }.ToJsonString();
        var app = rig.Api.Application;
        Assert.Equal(WorkspaceEventAction.Started, Assert.Single(await app.Events.HandleQueueMessageAsync(rig.Client, message)).Action);
        Assert.Equal(WorkspaceEventAction.AlreadyRunning, Assert.Single(await app.Events.HandleQueueMessageAsync(rig.Client, Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(message)))).Action);
        var instances = new List<string>();
        await foreach (var i in rig.Client.GetAllInstancesAsync(new Microsoft.DurableTask.Client.OrchestrationQuery())) instances.Add(i.InstanceId);
        Assert.Contains(WorkflowInstanceIds.ForWorkspace(LoopRig.WsInternet), instances);
        Assert.DoesNotContain(instances, i => i.StartsWith("mnet-onboard-", StringComparison.Ordinal) && i != WorkflowInstanceIds.ForWorkspace(LoopRig.WsInternet));
    }

    [Fact]
    public async Task The_drift_timer_runs_a_scan_never_overlapping_and_get_drift_serves_its_report()
    {
        var app = rig.Api.Application;
        Assert.Equal(404, (await rig.SendAsync(rig.Api.DriftAsync, "GET", "/api/v1/drift", new HttpRequestSpec())).Status);
        var first = await app.Drift.StartScanAsync(rig.Client);
        Assert.True(first.Started);
        Assert.False((await app.Drift.StartScanAsync(rig.Client)).Started);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var done = await rig.Client.WaitForInstanceCompletionAsync(first.InstanceId, true, wait.Token);
        Assert.True(done.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ErrorMessage ?? done.SerializedOutput);
        var drift = await rig.SendAsync(rig.Api.DriftAsync, "GET", "/api/v1/drift", new HttpRequestSpec());
        Assert.Equal(200, drift.Status);
        Assert.Equal("tighten", drift.Text("policyName"));
        Assert.True((await app.Drift.StartScanAsync(rig.Client)).Started);
    }
}
