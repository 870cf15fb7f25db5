using System.Text.Json.Nodes;
using Mnet.Service.Tests.Support;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Http;

/// <summary>
/// Port of tests/functions/http-approvals-entra.test.ts and tests/service/approval-service.test.ts at the service
/// level: the identity comes from the (S2-validated) token, never the body; unauthenticated callers are refused
/// before the body is read. Token validation itself (signatures, issuers, lifetimes) is S2's, with JwtBearer.
/// </summary>
public sealed class EntraApprovalTests : IDisposable
{
    readonly FakeEntraAuthenticator entra = new();
    readonly ServiceRig rig;

    public EntraApprovalTests() => rig = new ServiceRig(authenticator: entra);

    public void Dispose() => rig.Dispose();

    static Dictionary<string, string> Bearer(string? token) =>
        token is null ? [] : new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" };

    async Task<string> WaitingAsync(string requesterToken = FakeEntraAuthenticator.Frank)
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        var submitted = await rig.SubmitAsync(ServiceRig.SubmitBody(b => b.Remove("requestedBy")), Bearer(requesterToken));
        Assert.Equal(202, submitted.Status);
        string id = submitted.Text("instanceId")!;
        rig.Durable.WaitForApproval(id);
        return id;
    }

    [Fact]
    public async Task A_valid_approver_token_is_accepted_and_the_identity_comes_from_the_token_not_the_body()
    {
        string id = await WaitingAsync();
        var body = await rig.DecisionAsync(id, "mallory@evil.example", "fine");
        var res = await rig.DecideAsync(true, id, body, Bearer(FakeEntraAuthenticator.Erin));
        Assert.Equal(202, res.Status);
        var data = rig.Durable.EventData(0);
        Assert.Equal("erin@contoso.com", data.GetProperty("approver").GetString());
        Assert.Equal(FakeEntraAuthenticator.ErinIdentity.AuthenticatedAs, data.GetProperty("authenticatedAs").GetString());
        Assert.Equal("fine", data.GetProperty("comment").GetString());
        Assert.True(rig.Logs.Has("request.approved", "claimedApprover", "mallory@evil.example"));
    }

    [Fact]
    public async Task The_requester_is_the_token_principal_not_the_body_field()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody(b => b["requestedBy"] = "someone-else@contoso.com"), Bearer(FakeEntraAuthenticator.Frank));
        Assert.Equal(202, res.Status);
        Assert.Equal("frank@contoso.com", rig.Durable.InputOf(0).GetProperty("request").GetProperty("requestedBy").GetString());
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData("not-a-known-token", 401)]
    [InlineData(FakeEntraAuthenticator.Reader, 403)]
    public async Task Missing_or_invalid_tokens_are_401_and_a_token_without_the_role_is_403(string? token, int status)
    {
        string id = await WaitingAsync();
        var res = await rig.DecideAsync(true, id, await rig.DecisionAsync(id), Bearer(token));
        Assert.Equal(status, res.Status);
        Assert.Equal("application/problem+json", res.Header("content-type"));
        if (status == 401) Assert.StartsWith("Bearer", res.Header("www-authenticate"));
        Assert.Empty(rig.Durable.Events);
    }

    [Fact]
    public async Task An_unauthenticated_caller_is_refused_before_the_body_is_read()
    {
        var res = await rig.SendAsync(rig.Api.ApproveAsync, "POST", "/api/v1/requests/x/approve",
            new HttpRequestSpec { RawBody = "not json at all", Id = "mnet-onboard-00000000000000000000000000000000" });
        Assert.Equal(401, res.Status);
        Assert.Empty(rig.Durable.Events);
        var basic = await rig.DecideAsync(true, "mnet-onboard-00000000000000000000000000000000", new JsonObject(),
            new Dictionary<string, string> { ["Authorization"] = "Basic YTpi" });
        Assert.Equal(401, basic.Status);
    }

    [Fact]
    public async Task Entra_authenticates_once_before_the_body_function_key_reads_the_body_first()
    {
        var calls = new List<string>();
        string id = "mnet-onboard-00000000000000000000000000000000";
        Task<JsonObject> Read(CancellationToken _)
        {
            calls.Add("read-body");
            return Task.FromResult(new JsonObject { ["approver"] = "carol@contoso.com", ["runId"] = "run-0123456789abcdef", ["planHash"] = new string('a', 32) });
        }

        var error = await Assert.ThrowsAsync<Errors.ServiceException>(() =>
            rig.App.Approvals.DecideAsync(rig.Durable, id, true, ct => { calls.Add($"auth-calls:{entra.Calls}"); return Read(ct); }, null));
        Assert.Equal(Errors.ServiceErrorKind.Unauthenticated, error.Kind);
        Assert.Empty(calls);
        var found = await Assert.ThrowsAsync<Errors.ServiceException>(() =>
            rig.App.Approvals.DecideAsync(rig.Durable, id, true, ct => { calls.Add($"auth-calls:{entra.Calls}"); return Read(ct); }, $"Bearer {FakeEntraAuthenticator.Erin}"));
        Assert.Equal(Errors.ServiceErrorKind.NotFound, found.Kind);
        Assert.Equal(["auth-calls:2", "read-body"], calls);
    }

    [Theory]
    [InlineData("ERIN@contoso.com")]
    [InlineData("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee")]
    public async Task The_requester_cannot_approve_with_their_own_token_by_upn_or_oid_in_any_case(string requestedBy)
    {
        // Recorded in function-key days (the body named the requester); a token whose upn or oid matches still cannot approve.
        using var keyRig = new ServiceRig();
        keyRig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        string id = (await keyRig.SubmitAsync(ServiceRig.SubmitBody(b => b["requestedBy"] = requestedBy))).Text("instanceId")!;
        keyRig.Durable.WaitForApproval(id);
        using var entraRig = new ServiceRig(authenticator: new FakeEntraAuthenticator());
        var view = await ServiceRig.SendAsync(keyRig.Api.GetRequestAsync, "GET", $"/api/v1/requests/{id}", new HttpRequestSpec { Id = id }, keyRig.Durable);
        var body = new JsonObject { ["runId"] = view.Body["approval"]!["runId"]!.GetValue<string>(), ["planHash"] = view.Body["approval"]!["planHash"]!.GetValue<string>(), ["comment"] = "mine" };
        var res = await ServiceRig.SendAsync(entraRig.Api.ApproveAsync, "POST", $"/api/v1/requests/{id}/approve",
            new HttpRequestSpec { Body = body, Id = id, Headers = Bearer(FakeEntraAuthenticator.Erin) }, keyRig.Durable);
        Assert.Equal(403, res.Status);
        Assert.Equal("self-approval", res.Text("code"));
        Assert.Empty(keyRig.Durable.Events);
    }

    [Fact]
    public async Task A_requester_proven_by_token_cannot_approve_under_any_of_their_names()
    {
        string id = await WaitingAsync(FakeEntraAuthenticator.Erin);
        var res = await rig.DecideAsync(true, id, await rig.DecisionAsync(id), Bearer(FakeEntraAuthenticator.Erin));
        Assert.Equal(403, res.Status);
        Assert.Equal("self-approval", res.Text("code"));
        // Withdrawing (reject) is allowed.
        Assert.Equal(202, (await rig.DecideAsync(false, id, await rig.DecisionAsync(id), Bearer(FakeEntraAuthenticator.Erin))).Status);
    }
}
