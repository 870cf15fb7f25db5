using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Mnet.Service.Http;
using Mnet.Service.Tests.Support;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Http;

/// <summary>Port of tests/http/bad-input.test.ts: every case is a 4xx problem document and changes nothing.</summary>
public sealed class BadInputTests : IDisposable
{
    readonly ServiceRig rig = new();

    public void Dispose() => rig.Dispose();

    public static TheoryData<string> CaseNames => [.. BadInputCorpus.Cases.Select(c => c.Name)];

    [Fact]
    public void The_corpus_has_at_least_50_cases_and_unique_names()
    {
        Assert.True(BadInputCorpus.Cases.Count >= 50, $"{BadInputCorpus.Cases.Count} cases");
        Assert.Equal(BadInputCorpus.Cases.Count, BadInputCorpus.Cases.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_input_is_a_problem_document_and_changes_nothing(string name)
    {
        var c = BadInputCorpus.Cases.Single(x => x.Name == name);
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one"))).Add(FakePlanning.Workspace(WsId("ws-excluded"))).Add(FakePlanning.Workspace(WsId("ws-waiting")));
        // One instance waits for approval, so decisions fail only because of their input.
        await rig.Durable.ScheduleNewOrchestrationInstanceAsync("onboardWorkspace",
            new { workspaceId = WsId("ws-waiting"), request = new { ticketId = "INC-W" } }, new StartOrchestrationOptions(BadInputCorpus.WaitingId));
        rig.Durable.WaitForApproval(BadInputCorpus.WaitingId);
        int startsBefore = rig.Durable.StartCount;

        var (handler, method, path) = Route(c.Route);
        var res = await rig.SendAsync(handler, method, path, c.Request);

        Assert.True(c.Status == res.Status, $"{res.Status}: {res.Body.ToJsonString()[..Math.Min(500, res.Body.ToJsonString().Length)]}");
        Assert.Equal("application/problem+json", res.Header("content-type"));
        Assert.Equal(c.Status, res.Body["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(res.Text("title")));
        Assert.True(res.Text("detail")!.Length > 10, "a clear detail");
        Assert.DoesNotContain("   at ", res.Body.ToJsonString());
        if (c.Status == 400) Assert.NotEmpty(res.Errors);
        foreach (var e in res.Errors) Assert.False(string.IsNullOrEmpty(e["message"]?.GetValue<string>()));
        if (c.Rule is not null) Assert.True(res.ErrorRules.Contains(c.Rule), $"rule {c.Rule} in {res.Body["errors"]?.ToJsonString()}");
        if (c.Path is not null) Assert.True(res.ErrorPaths.Contains(c.Path), $"path {c.Path} in {res.Body["errors"]?.ToJsonString()}");
        // Nothing started, recorded or raised.
        Assert.Equal(startsBefore, rig.Durable.StartCount);
        Assert.Empty(rig.Durable.Events);
        Assert.Equal(0, rig.TicketCount);
    }

    [Fact]
    public async Task A_body_with_several_problems_lists_every_one_of_them()
    {
        var body = new JsonObject
        {
            ["workspaceId"] = $"{WsId("ws-one")}/computes/c",
            ["ticketId"] = "bad ticket",
            ["requestedBy"] = 5,
            ["dryRun"] = "yes",
            ["policy"] = "nope",
            ["extra"] = 1,
        };
        var res = await rig.SubmitAsync(body);
        Assert.Equal(400, res.Status);
        Assert.Equal(["dryRun", "extra", "policy", "requestedBy", "ticketId", "workspaceId"], res.ErrorPaths.Order(StringComparer.Ordinal));
    }

    (Func<ApiCall, Task<IResult>> Handler, string Method, string Path) Route(string route) => route switch
    {
        "submit" => (rig.Api.SubmitRequestAsync, "POST", "/api/v1/requests"),
        "create" => (rig.Api.CreateWorkspaceAsync, "POST", "/api/v1/workspaces"),
        "plan" => (rig.Api.PlanAsync, "POST", "/api/v1/plan"),
        "approve" => (rig.Api.ApproveAsync, "POST", "/api/v1/requests/x/approve"),
        "reject" => (rig.Api.RejectAsync, "POST", "/api/v1/requests/x/reject"),
        "get" => (rig.Api.GetRequestAsync, "GET", "/api/v1/requests/x"),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
    };
}
