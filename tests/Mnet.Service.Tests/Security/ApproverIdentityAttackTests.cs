using System.Text.Json.Nodes;
using Mnet.Service.Tests.Support;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Security;

/// <summary>
/// Security fix 3: who approves is proven, not declared. In Entra mode the approver is the token's principal with the
/// approver role and the requester is the authenticated caller (never a body field); nobody approves their own
/// request. Each attack is also run with its check reverted, where it must succeed.
/// </summary>
public sealed class ApproverIdentityAttackTests
{
    static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = $"Bearer {token}" };

    static async Task<(ServiceRig Rig, string Id)> WaitingAsync(Func<SecurityChecks, SecurityChecks>? checks, JsonObject body, string requesterToken)
    {
        var rig = new ServiceRig(authenticator: new FakeEntraAuthenticator(), checks: checks);
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        var submitted = await rig.SubmitAsync(body, Bearer(requesterToken));
        Assert.True(submitted.Status == 202, submitted.Body.ToJsonString());
        string id = submitted.Text("instanceId")!;
        rig.Durable.WaitForApproval(id);
        return (rig, id);
    }

    [Fact]
    public async Task An_approval_without_a_token_is_refused_in_entra_mode()
    {
        var (rig, id) = await WaitingAsync(null, ServiceRig.SubmitBody(), FakeEntraAuthenticator.Frank);
        using var _ = rig;
        var res = await rig.DecideAsync(true, id, await rig.DecisionAsync(id, "ceo@contoso.com"));
        Assert.Equal(401, res.Status);
        Assert.Empty(rig.Durable.Events);
    }

    [Fact]
    public async Task Reverted_anyone_holding_the_function_key_approves_as_whoever_they_declare()
    {
        var (rig, id) = await WaitingAsync(c => c with { CallerFromToken = false }, ServiceRig.SubmitBody(), FakeEntraAuthenticator.Frank);
        using var _ = rig;
        var res = await rig.DecideAsync(true, id, await rig.DecisionAsync(id, "ceo@contoso.com"));
        Assert.Equal(202, res.Status);
        Assert.Equal("ceo@contoso.com", rig.Durable.EventData(0).GetProperty("approver").GetString());
    }

    [Fact]
    public async Task A_requester_cannot_name_someone_else_as_requester_and_then_approve_their_own_change()
    {
        var (rig, id) = await WaitingAsync(null, ServiceRig.SubmitBody(b => b["requestedBy"] = "frank@contoso.com"), FakeEntraAuthenticator.Erin);
        using var _ = rig;
        Assert.Equal("erin@contoso.com", rig.Durable.InputOf(0).GetProperty("request").GetProperty("requestedBy").GetString());
        var res = await rig.DecideAsync(true, id, await rig.DecisionAsync(id), Bearer(FakeEntraAuthenticator.Erin));
        Assert.Equal(403, res.Status);
        Assert.Equal("self-approval", res.Text("code"));
        Assert.Empty(rig.Durable.Events);
    }

    [Fact]
    public async Task Reverted_the_declared_requester_lets_the_real_requester_approve_their_own_change()
    {
        // With the caller taken from the body, the attacker records a colleague as requester; the token check on
        // approvals is the same switch, so the attacker approves by declaring themself.
        var (rig, id) = await WaitingAsync(c => c with { CallerFromToken = false }, ServiceRig.SubmitBody(b => b["requestedBy"] = "frank@contoso.com"), FakeEntraAuthenticator.Erin);
        using var _ = rig;
        var res = await rig.DecideAsync(true, id, await rig.DecisionAsync(id, "erin@contoso.com"));
        Assert.Equal(202, res.Status);
    }

    [Fact]
    public async Task Nobody_approves_their_own_request_under_another_of_their_names()
    {
        var (rig, id) = await WaitingAsync(null, ServiceRig.SubmitBody(), FakeEntraAuthenticator.Erin);
        using var _ = rig;
        var res = await rig.DecideAsync(true, id, await rig.DecisionAsync(id), Bearer(FakeEntraAuthenticator.Erin));
        Assert.Equal(403, res.Status);
        Assert.Empty(rig.Durable.Events);
    }

    [Fact]
    public async Task Reverted_the_requester_approves_their_own_request()
    {
        var (rig, id) = await WaitingAsync(c => c with { RefuseSelfApproval = false }, ServiceRig.SubmitBody(), FakeEntraAuthenticator.Erin);
        using var _ = rig;
        var res = await rig.DecideAsync(true, id, await rig.DecisionAsync(id), Bearer(FakeEntraAuthenticator.Erin));
        Assert.Equal(202, res.Status);
        Assert.Single(rig.Durable.Events);
    }

    [Fact]
    public async Task A_valid_token_without_the_approver_role_cannot_decide()
    {
        var (rig, id) = await WaitingAsync(null, ServiceRig.SubmitBody(), FakeEntraAuthenticator.Frank);
        using var _ = rig;
        var res = await rig.DecideAsync(false, id, await rig.DecisionAsync(id), Bearer(FakeEntraAuthenticator.Reader));
        Assert.Equal(403, res.Status);
        Assert.Empty(rig.Durable.Events);
    }
}
