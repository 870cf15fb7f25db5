using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Mnet.Service.Tests.Support;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Http;

/// <summary>Port of tests/functions/http-approvals.test.ts (function-key mode: the approver is declared and recorded).</summary>
public sealed class ApprovalTests : IDisposable
{
    readonly ServiceRig rig = new();

    public void Dispose() => rig.Dispose();

    async Task<string> StartedAsync()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        return (await rig.SubmitAsync(ServiceRig.SubmitBody())).Text("instanceId")!;
    }

    [Fact]
    public async Task Approve_raises_the_approval_event_with_the_approver_recorded()
    {
        string id = await StartedAsync();
        rig.Durable.WaitForApproval(id);
        var body = await rig.DecisionAsync(id, comment: "ok for the weekend window");
        var res = await rig.DecideAsync(true, id, body);
        Assert.Equal(202, res.Status);
        var (instanceId, eventName, _) = Assert.Single(rig.Durable.Events);
        Assert.Equal(id, instanceId);
        Assert.Equal("approval", eventName);
        var data = rig.Durable.EventData(0);
        Assert.True(data.GetProperty("approved").GetBoolean());
        Assert.Equal("carol@contoso.com", data.GetProperty("approver").GetString());
        Assert.Equal("function-key", data.GetProperty("authenticatedAs").GetString());
        Assert.Equal("ok for the weekend window", data.GetProperty("comment").GetString());
        Assert.Equal(body["runId"]!.GetValue<string>(), data.GetProperty("runId").GetString());
        Assert.Equal(body["planHash"]!.GetValue<string>(), data.GetProperty("planHash").GetString());
        Assert.Equal("INC0001", res.Text("ticketId"));
        var logged = Assert.Single(rig.Logs.Events("request.approved"));
        Assert.Equal(id, logged.Fields["instanceId"]);
        Assert.Equal("INC0001", logged.Fields["ticketId"]);
        Assert.Equal("carol@contoso.com", logged.Fields["approver"]);
    }

    [Fact]
    public async Task Reject_raises_the_approval_event_with_approved_false()
    {
        string id = await StartedAsync();
        rig.Durable.WaitForApproval(id);
        var res = await rig.DecideAsync(false, id, await rig.DecisionAsync(id, "dave@contoso.com"));
        Assert.Equal(202, res.Status);
        Assert.Single(rig.Durable.Events);
        var data = rig.Durable.EventData(0);
        Assert.False(data.GetProperty("approved").GetBoolean());
        Assert.Equal("dave@contoso.com", data.GetProperty("approver").GetString());
        Assert.Equal("function-key", data.GetProperty("authenticatedAs").GetString());
    }

    [Fact]
    public async Task Conflict_when_the_instance_is_not_waiting_for_approval()
    {
        string id = await StartedAsync();
        rig.Durable.WaitForApproval(id);
        var decision = await rig.DecisionAsync(id);
        rig.Durable.Set(id, OrchestrationRuntimeStatus.Pending, customStatus: new { phase = "reading" });
        var res = await rig.DecideAsync(true, id, decision);
        Assert.Equal(409, res.Status);
        Assert.Equal("pending", res.Text("state"));
        rig.Durable.Set(id, OrchestrationRuntimeStatus.Running, customStatus: new { phase = "applying", outcomes = Array.Empty<object>() });
        Assert.Equal(409, (await rig.DecideAsync(false, id, decision)).Status);
        rig.Durable.WaitForApproval(id);
        rig.Durable.Set(id, OrchestrationRuntimeStatus.Completed);
        Assert.Equal(409, (await rig.DecideAsync(true, id, decision)).Status);
        Assert.Empty(rig.Durable.Events);
    }

    [Fact]
    public async Task Not_found_for_an_unknown_instance_400_for_a_malformed_id_or_body()
    {
        await StartedAsync();
        var valid = new JsonObject { ["approver"] = "carol", ["runId"] = "run-0123456789abcdef", ["planHash"] = new string('a', 32) };
        Assert.Equal(404, (await rig.DecideAsync(true, "mnet-onboard-00000000000000000000000000000000", valid)).Status);
        Assert.Equal(400, (await rig.DecideAsync(true, "../../admin", valid.DeepClone())).Status);
        var noApprover = await rig.DecideAsync(true, "mnet-onboard-00000000000000000000000000000000",
            new JsonObject { ["runId"] = "run-0123456789abcdef", ["planHash"] = new string('a', 32) });
        Assert.Equal(400, noApprover.Status);
        Assert.Equal(["approver"], noApprover.ErrorPaths);
        var several = await rig.DecideAsync(true, "..", new JsonObject { ["approver"] = 7, ["extra"] = true });
        Assert.Equal(400, several.Status);
        Assert.Equal(["approver", "extra", "id", "planHash", "runId"], several.ErrorPaths.Order(StringComparer.Ordinal));
        Assert.Empty(rig.Durable.Events);
    }

    [Fact]
    public async Task Self_approval_is_refused_case_insensitively_and_the_requester_may_still_withdraw_by_rejecting()
    {
        string id = await StartedAsync();
        rig.Durable.WaitForApproval(id);
        var res = await rig.DecideAsync(true, id, await rig.DecisionAsync(id, " Alice@CONTOSO.com"));
        Assert.Equal(403, res.Status);
        Assert.Equal("application/problem+json", res.Header("content-type"));
        Assert.Equal("urn:mnet-autopilot:problem:forbidden", res.Text("type"));
        Assert.Equal("self-approval", res.Text("code"));
        Assert.Equal(["self-approval"], res.ErrorRules);
        Assert.True(rig.Logs.Has("approval.refused", "reason", "self-approval"));
        Assert.Empty(rig.Durable.Events);
        Assert.Equal(202, (await rig.DecideAsync(false, id, await rig.DecisionAsync(id, "alice@contoso.com"))).Status);
        Assert.Single(rig.Durable.Events);
    }
}
