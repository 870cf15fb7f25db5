using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Mnet.Service.Tests.Support;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Security;

/// <summary>
/// Security fix 4: an approval is bound to exactly one plan. It names the request id (path), the run id and the plan's
/// hash; a stale or mismatched approval is 409 and changes nothing; under concurrent approve / reject / approve
/// exactly one decision wins and the others get 409. Each attack also runs with its check reverted.
/// </summary>
public sealed class ApprovalBindingAttackTests
{
    static async Task<(ServiceRig Rig, string Id)> WaitingAsync(Func<SecurityChecks, SecurityChecks>? checks = null)
    {
        var rig = new ServiceRig(checks: checks);
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        string id = (await rig.SubmitAsync(ServiceRig.SubmitBody())).Text("instanceId")!;
        rig.Durable.WaitForApproval(id);
        return (rig, id);
    }

    /// <summary>The approval of run 1 is kept; run 1 ends, a new ticket starts run 2 on the same instance id, which waits.</summary>
    static async Task<JsonObject> StaleApprovalAsync(ServiceRig rig, string id)
    {
        var old = await rig.DecisionAsync(id);
        rig.Durable.Set(id, OrchestrationRuntimeStatus.Completed);
        Assert.Equal(202, (await rig.SubmitAsync(ServiceRig.SubmitBody(b => b["ticketId"] = "INC0002"))).Status);
        rig.Durable.WaitForApproval(id);
        return old;
    }

    [Fact]
    public async Task An_approval_of_an_earlier_run_is_409_and_raises_nothing()
    {
        var (rig, id) = await WaitingAsync();
        using var _ = rig;
        var old = await StaleApprovalAsync(rig, id);
        var res = await rig.DecideAsync(true, id, old);
        Assert.Equal(409, res.Status);
        Assert.Equal("stale-approval", res.Text("code"));
        Assert.Empty(rig.Durable.Events);
        Assert.Equal(0, ((Mnet.Service.Tickets.InMemoryTicketStore)rig.Tickets).DecisionCount);
    }

    [Fact]
    public async Task Reverted_the_earlier_runs_approval_approves_the_new_run()
    {
        var (rig, id) = await WaitingAsync(c => c with { BindApprovalToPlan = false });
        using var _ = rig;
        var old = await StaleApprovalAsync(rig, id);
        Assert.Equal(202, (await rig.DecideAsync(true, id, old)).Status);
        Assert.Single(rig.Durable.Events);
    }

    [Fact]
    public async Task An_approval_of_another_plan_is_409_and_raises_nothing()
    {
        var (rig, id) = await WaitingAsync();
        using var _ = rig;
        var seen = await rig.DecisionAsync(id);
        // The orchestration re-planned (the workspace changed meanwhile): same run, another plan waits.
        rig.Durable.WaitForApproval(id, planMarker: "plan-b");
        var res = await rig.DecideAsync(true, id, seen);
        Assert.Equal(409, res.Status);
        Assert.Equal("planHash", res.ErrorPaths.Single());
        Assert.Empty(rig.Durable.Events);
        Assert.Equal(202, (await rig.DecideAsync(true, id, await rig.DecisionAsync(id))).Status);
    }

    [Fact]
    public async Task Reverted_an_approval_of_another_plan_approves_the_new_one()
    {
        var (rig, id) = await WaitingAsync(c => c with { BindApprovalToPlan = false });
        using var _ = rig;
        var seen = await rig.DecisionAsync(id);
        rig.Durable.WaitForApproval(id, planMarker: "plan-b");
        Assert.Equal(202, (await rig.DecideAsync(true, id, seen)).Status);
    }

    [Fact]
    public async Task Concurrent_approve_reject_approve_exactly_one_decision_wins_and_the_others_get_409()
    {
        for (int round = 0; round < 20; round++)
        {
            var (rig, id) = await WaitingAsync();
            using var _ = rig;
            var body = await rig.DecisionAsync(id);
            var answers = await Task.WhenAll(
                Task.Run(() => rig.DecideAsync(true, id, body.DeepClone())),
                Task.Run(() => rig.DecideAsync(false, id, body.DeepClone())),
                Task.Run(() => rig.DecideAsync(true, id, body.DeepClone())));
            Assert.Equal(1, answers.Count(a => a.Status == 202));
            Assert.Equal(2, answers.Count(a => a.Status == 409));
            Assert.All(answers.Where(a => a.Status == 409), a => Assert.Equal("already-decided", a.Text("code")));
            Assert.Single(rig.Durable.Events);
        }
    }

    [Fact]
    public async Task Reverted_concurrent_deciders_all_get_202_and_raise_conflicting_decisions()
    {
        var (rig, id) = await WaitingAsync(c => c with { OneDecisionPerQuestion = false });
        using var _ = rig;
        var body = await rig.DecisionAsync(id);
        var answers = await Task.WhenAll(
            rig.DecideAsync(true, id, body.DeepClone()), rig.DecideAsync(false, id, body.DeepClone()), rig.DecideAsync(true, id, body.DeepClone()));
        Assert.All(answers, a => Assert.Equal(202, a.Status));
        Assert.Equal(3, rig.Durable.Events.Count);
    }

    [Fact]
    public async Task A_decision_that_could_not_be_delivered_is_withdrawn_so_it_can_be_retried()
    {
        var (rig, id) = await WaitingAsync();
        using var _ = rig;
        var body = await rig.DecisionAsync(id);
        rig.Durable.RaiseOverride = _ => throw new InvalidOperationException("task hub unavailable");
        Assert.Equal(500, (await rig.DecideAsync(true, id, body.DeepClone())).Status);
        rig.Durable.RaiseOverride = null;
        Assert.Equal(202, (await rig.DecideAsync(true, id, body.DeepClone())).Status);
        Assert.Single(rig.Durable.Events);
    }
}
