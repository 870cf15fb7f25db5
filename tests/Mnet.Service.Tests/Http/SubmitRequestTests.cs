using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Mnet.Service.Ports;
using Mnet.Service.Tests.Support;
using Mnet.Workflows.Durable;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Http;

/// <summary>Port of tests/functions/http-requests.test.ts: POST /requests and GET /requests/{id}.</summary>
public sealed class SubmitRequestTests : IDisposable
{
    readonly ServiceRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task Post_requests_starts_onboardWorkspace_with_the_plan_and_links_of_this_api()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody());
        Assert.Equal(202, res.Status);
        string id = WorkflowInstanceIds.ForWorkspace(WsId("ws-one"));
        Assert.Equal(id, res.Text("instanceId"));
        Assert.False(res.Body["replayed"]!.GetValue<bool>());
        Assert.Equal("baseline", res.Text("policy"));
        Assert.Equal(WsId("ws-one"), res.Body["plan"]!["workspaceId"]!.GetValue<string>());
        Assert.NotEmpty(res.Body["plan"]!["steps"]!.AsArray());
        var links = res.Body["links"]!;
        Assert.Equal($"{BaseUrl}/requests/{id}", links["status"]!.GetValue<string>());
        Assert.Equal($"{BaseUrl}/requests/{id}/approve", links["approve"]!.GetValue<string>());
        Assert.Equal($"{BaseUrl}/requests/{id}/reject", links["reject"]!.GetValue<string>());
        Assert.Equal(links["status"]!.GetValue<string>(), res.Header("location"));
        Assert.Single(rig.Durable.Starts);
        Assert.Equal("onboardWorkspace", rig.Durable.Starts[0].Name);
        var input = rig.Durable.InputOf(0);
        Assert.Equal(WsId("ws-one"), input.GetProperty("workspaceId").GetString());
        Assert.Equal("baseline", input.GetProperty("policy").GetProperty("name").GetString());
        var request = input.GetProperty("request");
        Assert.Equal("http", request.GetProperty("trigger").GetString());
        Assert.Equal("INC0001", request.GetProperty("ticketId").GetString());
        Assert.Equal("alice@contoso.com", request.GetProperty("requestedBy").GetString());
        Assert.True(rig.Logs.Has("request.accepted", "instanceId", id));
        Assert.True(rig.Logs.Has("request.accepted", "ticketId", "INC0001"));
    }

    [Fact]
    public async Task Links_never_carry_the_function_key_or_durable_management_urls()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody(), query: "?code=SECRETKEY");
        string text = res.Body.ToJsonString() + string.Join(";", res.Headers.Values);
        Assert.DoesNotContain("SECRETKEY", text);
        Assert.DoesNotContain("runtime/webhooks", text);
    }

    [Fact]
    public async Task An_inline_policy_object_is_validated_and_used_on_a_dry_run()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        var inline = TestPolicies.Baseline();
        inline["name"] = "inline-one";
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody(b => { b["policy"] = inline; b["dryRun"] = true; }));
        Assert.Equal(202, res.Status);
        var input = rig.Durable.InputOf(0);
        Assert.True(input.GetProperty("dryRun").GetBoolean());
        Assert.Equal("inline-one", input.GetProperty("policy").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Omitting_policy_uses_the_app_policy()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody(b => b.Remove("policy")));
        Assert.Equal(202, res.Status);
        Assert.Equal("baseline", res.Text("policy"));
    }

    [Fact]
    public async Task The_same_ticket_id_twice_returns_the_first_request_and_starts_nothing_new()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one"))).Add(FakePlanning.Workspace(WsId("ws-two")));
        var first = await rig.SubmitAsync(ServiceRig.SubmitBody());
        var second = await rig.SubmitAsync(ServiceRig.SubmitBody());
        var third = await rig.SubmitAsync(ServiceRig.SubmitBody(b => b["workspaceId"] = WsId("ws-two")));
        Assert.Equal(202, first.Status);
        Assert.Equal(200, second.Status);
        Assert.True(second.Body["replayed"]!.GetValue<bool>());
        Assert.Equal(first.Text("instanceId"), second.Text("instanceId"));
        Assert.Equal(first.Text("instanceId"), third.Text("instanceId"));
        Assert.Equal(WsId("ws-one"), third.Text("workspaceId"));
        Assert.Single(rig.Durable.Starts);
        Assert.True(rig.Logs.Has("request.replayed", "ticketId", "INC0001"));
    }

    [Fact]
    public async Task A_second_ticket_for_a_workspace_whose_orchestration_is_running_gets_409()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        await rig.SubmitAsync(ServiceRig.SubmitBody());
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody(b => b["ticketId"] = "INC0002"));
        Assert.Equal(409, res.Status);
        Assert.Equal("application/problem+json", res.Header("content-type"));
        Assert.Equal(WorkflowInstanceIds.ForWorkspace(WsId("ws-one")), res.Text("instanceId"));
        Assert.Equal("INC0001", res.Text("ticketId"));
        Assert.Single(rig.Durable.Starts);
        Assert.Equal(1, rig.TicketCount);
    }

    [Fact]
    public async Task After_the_first_orchestration_completed_a_new_ticket_for_the_same_workspace_starts_again()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        var first = await rig.SubmitAsync(ServiceRig.SubmitBody());
        rig.Durable.Set(first.Text("instanceId")!, OrchestrationRuntimeStatus.Completed);
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody(b => b["ticketId"] = "INC0002"));
        Assert.Equal(202, res.Status);
        Assert.Equal(2, rig.Durable.Starts.Count);
    }

    [Fact]
    public async Task A_workspace_in_a_subscription_not_configured_is_refused_with_403_before_any_read()
    {
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody(b => b["workspaceId"] = WsId("ws-one", "rg-ml", OtherSub)));
        Assert.Equal(403, res.Status);
        Assert.Contains("not configured", res.Text("detail"));
        Assert.Equal(0, rig.Planning.Reads);
        Assert.Empty(rig.Durable.Starts);
    }

    [Fact]
    public async Task A_workspace_outside_the_policy_scope_is_refused_with_403()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-excluded"))).Add(FakePlanning.Workspace(WsId("ws-one", "rg-other")));
        var excluded = await rig.SubmitAsync(ServiceRig.SubmitBody(b => b["workspaceId"] = WsId("ws-excluded")));
        Assert.Equal(403, excluded.Status);
        Assert.Contains("excluded", excluded.Text("detail"));
        var otherGroup = await rig.SubmitAsync(ServiceRig.SubmitBody(b =>
        {
            b["workspaceId"] = WsId("ws-one", "rg-other");
            b["policy"] = "strict";
            b["ticketId"] = "INC0003";
        }));
        Assert.Equal(403, otherGroup.Status);
        Assert.Contains("resource group", otherGroup.Text("detail"));
        Assert.Empty(rig.Durable.Starts);
    }

    [Fact]
    public async Task A_workspace_that_does_not_exist_is_404()
    {
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody());
        Assert.Equal(404, res.Status);
        Assert.Equal("Workspace not found", res.Text("title"));
        Assert.Empty(rig.Durable.Starts);
    }

    [Fact]
    public async Task An_arm_failure_while_reading_is_502_without_arm_internals()
    {
        rig.Planning.FailWith = new UpstreamException(503, "ServiceUnavailable: backend node 10.1.2.3 down");
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody());
        Assert.Equal(502, res.Status);
        Assert.DoesNotContain("10.1.2.3", res.Body.ToJsonString());
        Assert.Empty(rig.Durable.Starts);
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_without_a_stack_trace_and_the_ticket_is_released()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        rig.Durable.StartOverride = (_, _) => throw new InvalidOperationException("boom at secret/internal/path.cs:12");
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody());
        Assert.Equal(500, res.Status);
        Assert.Equal("application/problem+json", res.Header("content-type"));
        Assert.DoesNotContain("secret/internal", res.Body.ToJsonString());
        Assert.Contains("inv-0001", res.Text("detail"));
        Assert.Contains(rig.Logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Event == "http.failed");
        // The ticket was released: a retry can start the request.
        Assert.Equal(0, rig.TicketCount);
    }

    [Fact]
    public async Task Get_request_shows_status_step_plan_outcomes_and_errors()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        string id = (await rig.SubmitAsync(ServiceRig.SubmitBody())).Text("instanceId")!;
        rig.Durable.WaitForApproval(id);
        var res = await rig.GetAsync(id);
        Assert.Equal(200, res.Status);
        Assert.Equal("waiting-for-approval", res.Text("state"));
        Assert.Equal("approve-migration", res.Text("currentStep"));
        Assert.Equal("INC0001", res.Text("ticketId"));
        Assert.Equal(WsId("ws-one"), res.Text("workspaceId"));
        Assert.Equal("migrate-computes", res.Body["waitingForApproval"]!["stepIds"]![0]!.GetValue<string>());
        Assert.Equal("2025-01-04T00:00:00.000Z", res.Body["waitingForApproval"]!["deadline"]!.GetValue<string>());
        Assert.Equal($"{BaseUrl}/requests/{id}/approve", res.Body["links"]!["approve"]!.GetValue<string>());

        rig.Durable.Set(id, OrchestrationRuntimeStatus.Completed, output: new
        {
            workspaceId = WsId("ws-one"),
            result = "failed",
            plan = new { steps = new[] { 1 } },
            outcomes = new[] { new { stepId = "s1", status = "failed" } },
            errors = new[] { new { code = "ValidationError", message = "nope\n at stack line" } },
        });
        res = await rig.GetAsync(id);
        Assert.Equal("completed", res.Text("state"));
        Assert.Equal("failed", res.Text("result"));
        Assert.Equal("{\"steps\":[1]}", res.Body["plan"]!.ToJsonString());
        Assert.Single(res.Body["outcomes"]!.AsArray());
        Assert.Equal("[{\"code\":\"ValidationError\",\"message\":\"nope\"}]", res.Body["errors"]!.ToJsonString());
    }

    [Fact]
    public async Task Get_request_of_a_failed_orchestration_shows_the_first_line_of_the_failure_only()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        string id = (await rig.SubmitAsync(ServiceRig.SubmitBody())).Text("instanceId")!;
        rig.Durable.Set(id, OrchestrationRuntimeStatus.Failed, failure: "Error: activity failed\n    at Object.<anonymous> (/home/site/x.js:1:1)");
        var res = await rig.GetAsync(id);
        Assert.Equal("failed", res.Text("state"));
        Assert.Equal("[{\"code\":\"orchestration-failed\",\"message\":\"Error: activity failed\"}]", res.Body["errors"]!.ToJsonString());
    }

    [Theory]
    [InlineData("..")]
    [InlineData("%2e%2e")]
    [InlineData("mnet-onboard-../../x")]
    [InlineData("abc")]
    [InlineData("")]
    public async Task Get_request_with_a_malformed_id_is_400(string bad)
    {
        var res = await rig.GetAsync(bad);
        Assert.Equal(400, res.Status);
        Assert.Equal("instance-id", res.ErrorRules[0]);
    }

    [Fact]
    public async Task Get_request_with_an_unknown_id_is_404_naming_the_path()
    {
        const string unknown = "mnet-onboard-0123456789abcdef0123456789abcdef";
        var res = await rig.GetAsync(unknown);
        Assert.Equal(404, res.Status);
        Assert.Equal($"/api/v1/requests/{unknown}", res.Text("instance"));
    }

    [Fact]
    public async Task Every_problem_document_has_type_title_status_detail_and_instance()
    {
        var res = await rig.SubmitAsync(new JsonObject { ["workspaceId"] = 5 });
        Assert.Equal(400, res.Status);
        foreach (string key in new[] { "type", "title", "status", "detail", "instance" }) Assert.True(res.Body.ContainsKey(key), key);
        Assert.Equal(400, res.Body["status"]!.GetValue<int>());
        Assert.Equal("/api/v1/requests", res.Text("instance"));
        Assert.Equal("urn:mnet-autopilot:problem:invalid", res.Text("type"));
        Assert.Equal(["requestedBy", "ticketId", "workspaceId"], res.ErrorPaths.Order(StringComparer.Ordinal));
        Assert.Equal("no-store", res.Header("cache-control"));
    }

    [Fact]
    public async Task Subscription_ids_compare_without_case()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one", "rg-ml", Sub.ToUpperInvariant())));
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody(b => b["workspaceId"] = WsId("ws-one", "rg-ml", Sub.ToUpperInvariant())));
        Assert.Equal(202, res.Status);
    }

    [Fact]
    public async Task A_broken_app_policy_is_503_with_details_in_the_logs_only()
    {
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        File.WriteAllText(Path.Combine(rig.PolicyFolder, "baseline.json"), "{\"scope\": \"must be a mapping at /home/site/wwwroot\"}");
        var res = await rig.SubmitAsync(ServiceRig.SubmitBody(b => b.Remove("policy")));
        Assert.Equal(503, res.Status);
        Assert.DoesNotContain("wwwroot", res.Body.ToJsonString());
        Assert.Contains(rig.Logs.Events("policy.unavailable"), l => l.Fields["error"]!.ToString()!.Contains("baseline.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broken_ticket_store_is_503_and_starts_nothing()
    {
        using var broken = new ServiceRig(tickets: new BrokenTicketStore());
        broken.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        var res = await broken.SubmitAsync(ServiceRig.SubmitBody());
        Assert.Equal(503, res.Status);
        Assert.Empty(broken.Durable.Starts);
    }
}
