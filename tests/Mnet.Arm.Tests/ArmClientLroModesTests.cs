using System.Text.Json.Nodes;
using Mnet.Arm.Errors;
using Mnet.Arm.Lro;
using Mnet.Arm.Models;
using Mnet.Arm.Recreate;
using Mnet.Arm.Tests.Support;
using Mnet.Core.Resources;
using static Mnet.Arm.Tests.Support.FakeArmHarness;

namespace Mnet.Arm.Tests;

/// <summary>Port of tests/arm/client-lro-modes.test.ts: behaviours a scripted ARM shows best.</summary>
public sealed class ArmClientLroModesTests
{
    private static readonly object WorkspaceBody = new { id = Ws, name = "ws1", location = "westeurope", properties = new { } };

    private static string PathOf(string url) => url.Split('?')[0];

    [Fact]
    public async Task Bearer_token_with_the_endpoint_derived_scope_and_the_configured_CA_on_every_request()
    {
        await using var h = await StartAsync((_, _) => new FakeResponse(200, WorkspaceBody));
        await h.Client.GetWorkspaceAsync(Ws);
        var sent = h.Requests[0];
        Assert.Equal("Bearer fixed-token", sent.Header("authorization"));
        Assert.Equal([$"{h.Fake.Url}/.default"], h.Credential.Scopes.Distinct());
        Assert.StartsWith("mnet-autopilot", sent.Header("user-agent"));
        Assert.Equal($"{Ws}?api-version=2025-09-01", sent.Url);
    }

    [Fact]
    public async Task Location_only_LRO_kind_location_Retry_After_honoured_final_body_from_the_Location_poll()
    {
        var polls = 0;
        await using var h = await StartAsync((req, fake) =>
        {
            if (req.Method == "POST")
            {
                return new FakeResponse(202, Headers: new Dictionary<string, string>
                {
                    ["location"] = $"{fake.Url}/op/1", ["retry-after"] = "3",
                });
            }
            polls++;
            return polls < 2
                ? new FakeResponse(202, Headers: new Dictionary<string, string>
                {
                    ["location"] = $"{fake.Url}/op/1", ["retry-after"] = "4",
                })
                : new FakeResponse(200, new { status = "Active", sparkReady = false });
        });
        var handle = await h.Client.BeginProvisionManagedNetworkAsync(Ws);
        Assert.Equal(LroKind.Location, handle.Kind);
        Assert.Equal(3, handle.RetryAfterSeconds);
        Assert.EndsWith("/op/1", handle.OperationUrl);
        var first = await h.Client.PollOperationAsync(handle);
        Assert.Equal(LroStatus.InProgress, first.Status);
        Assert.Equal(4, first.Handle.RetryAfterSeconds);
        var second = await h.Client.PollOperationAsync(first.Handle);
        Assert.Equal(LroStatus.Succeeded, second.Status);
        JsonAssert.Equal("""{"status":"Active","sparkReady":false}""", JsonNode.Parse(second.ResultJson!));
        Assert.Equal("Active", second.ResultAs<ManagedNetworkStatus>()?.Status);
    }

    [Fact]
    public async Task Location_only_LRO_failing_with_a_4xx_poll_is_Failed_with_the_service_code_not_a_thrown_poll()
    {
        await using var h = await StartAsync((req, fake) => req.Method == "POST"
            ? new FakeResponse(202, Headers: new Dictionary<string, string> { ["location"] = $"{fake.Url}/op/2" })
            : new FakeResponse(
                400,
                new { error = new { code = "SubnetFull", message = "No address space left." } },
                new Dictionary<string, string> { ["x-ms-request-id"] = "req-9" }));
        var handle = await h.Client.BeginProvisionManagedNetworkAsync(Ws);
        Assert.Equal(10, handle.RetryAfterSeconds); // default poll interval without Retry-After
        var result = await h.Client.PollOperationAsync(handle);
        Assert.Equal(LroStatus.Failed, result.Status);
        Assert.Equal("SubnetFull", result.Error?.Code);
        Assert.Equal("req-9", result.Error?.RequestId);
        var error = await Assert.ThrowsAsync<ArmOperationFailedException>(() => h.Client.WaitForOperationAsync(handle));
        Assert.Equal("SubnetFull", error.Code);
        Assert.Equal("POST workspace ws1 failed: SubnetFull — No address space left. (request req-9)", error.UserMessage());
    }

    [Fact]
    public async Task A_poll_still_failing_with_5xx_after_retries_throws_transient_and_leaves_the_handle_usable()
    {
        var failing = true;
        await using var h = await StartAsync((req, fake) =>
        {
            if (req.Method == "POST")
            {
                return new FakeResponse(202, Headers: new Dictionary<string, string>
                {
                    ["azure-asyncoperation"] = $"{fake.Url}/status/3",
                });
            }
            return failing
                ? new FakeResponse(503, new { error = new { code = "ServiceUnavailable", message = "busy" } })
                : new FakeResponse(200, new { status = "Succeeded" });
        });
        var handle = await h.Client.BeginProvisionManagedNetworkAsync(Ws);
        var error = await Assert.ThrowsAsync<ArmServerException>(() => h.Client.PollOperationAsync(handle));
        Assert.True(error.IsRetryable);
        Assert.Equal(503, error.Status);
        Assert.Equal(6, h.Time.Delays.Count);
        failing = false;
        Assert.Equal(LroStatus.Succeeded, (await h.Client.PollOperationAsync(handle)).Status);
    }

    [Fact]
    public async Task Synchronous_answers_are_kind_none_polled_without_a_request_and_PUT_201_Creating_polls_the_resource()
    {
        var gets = 0;
        var computeId = $"{Ws}/computes/c1";
        await using var h = await StartAsync((req, _) =>
        {
            if (req.Method == "POST") return new FakeResponse(200);
            var state = "Creating";
            if (req.Method == "GET")
            {
                gets++;
                state = gets < 2 ? "Creating" : "Succeeded";
            }
            return new FakeResponse(
                req.Method == "PUT" ? 201 : 200,
                new { id = computeId, name = "c1", properties = new { computeType = "AmlCompute", provisioningState = state } });
        });
        var stop = await h.Client.BeginStopComputeAsync(computeId);
        Assert.Equal(LroKind.None, stop.Kind);
        var sent = h.Requests.Count;
        Assert.Equal(LroStatus.Succeeded, (await h.Client.PollOperationAsync(stop)).Status);
        Assert.Equal(sent, h.Requests.Count);

        var create = await h.Client.BeginCreateComputeAsync(
            computeId,
            new ComputeCreateBody
            {
                Location = "westeurope",
                Properties = new ComputeProperties { ComputeType = "AmlCompute" },
            });
        Assert.Equal(LroKind.Resource, create.Kind);
        Assert.Equal(LroStatus.InProgress, (await h.Client.PollOperationAsync(create)).Status);
        var done = await h.Client.PollOperationAsync((await h.Client.PollOperationAsync(create)).Handle);
        Assert.Equal(LroStatus.Succeeded, done.Status);
        Assert.Equal("Succeeded", done.ResultAs<ComputeResource>()?.Properties.ProvisioningState);
    }

    [Fact]
    public async Task Retry_After_as_an_HTTP_date_and_x_ms_retry_after_ms_are_honoured()
    {
        var n = 0;
        var time = new SteppingTimeProvider();
        var now = time.GetUtcNow();
        await using var h = await StartAsync(
            (_, _) =>
            {
                n++;
                if (n == 1)
                {
                    return new FakeResponse(429, Headers: new Dictionary<string, string>
                    {
                        ["retry-after"] = now.AddSeconds(9).ToString("R"),
                    });
                }
                if (n == 2)
                {
                    return new FakeResponse(429, Headers: new Dictionary<string, string>
                    {
                        ["x-ms-retry-after-ms"] = "1234", ["retry-after"] = "2",
                    });
                }
                return new FakeResponse(200, WorkspaceBody);
            },
            time: time);
        await h.Client.GetWorkspaceAsync(Ws);
        Assert.Equal([9000L, 1234L], h.Time.DelayMs);
    }

    [Fact]
    public async Task A_nextLink_to_another_host_is_refused_instead_of_receiving_the_token()
    {
        await using var h = await StartAsync((_, _) => new FakeResponse(
            200, new { value = new[] { new { name = "a", properties = new { computeType = "AmlCompute" } } }, nextLink = "https://attacker.example/page2" }));
        var error = await Assert.ThrowsAsync<ArmUntrustedLinkException>(() => h.Client.ListComputesAsync(Ws));
        Assert.Equal(ArmErrorCodes.UntrustedLink, error.Code);
        Assert.Single(h.Requests);
    }

    [Fact]
    public async Task Lists_follow_nextLink_across_pages()
    {
        static object Compute(string name) => new { name, properties = new { computeType = "AmlCompute" } };
        await using var h = await StartAsync((req, fake) => req.Url.Contains("page=2", StringComparison.Ordinal)
            ? new FakeResponse(200, new { value = new[] { Compute("c") } })
            : new FakeResponse(200, new
            {
                value = new[] { Compute("a"), Compute("b") },
                nextLink = $"{fake.Url}{PathOf(req.Url)}?api-version=2025-09-01&page=2",
            }));
        var all = await h.Client.ListComputesAsync(Ws);
        Assert.Equal(["a", "b", "c"], all.Select(c => c.Name));
        Assert.Equal(2, h.Requests.Count);
    }

    [Fact]
    public async Task Resource_Graph_batches_subscriptions_follows_every_page_and_returns_every_row()
    {
        var subs = Enumerable.Range(0, 5).Select(i => $"00000000-0000-0000-0000-00000000000{i}").ToArray();
        await using var h = await StartAsync((req, _) =>
        {
            var body = req.Body!.AsObject();
            var token = body["options"]?["$skipToken"]?.GetValue<string>();
            var page = token is null ? 0 : int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
            var rows = body["subscriptions"]!.AsArray().Select(s => new JsonObject { ["id"] = $"/subscriptions/{s}/x/{page}" });
            var answer = new JsonObject
            {
                ["totalRecords"] = 99,
                ["count"] = body["subscriptions"]!.AsArray().Count,
                ["resultTruncated"] = "false",
                ["data"] = new JsonArray(rows.ToArray<JsonNode?>()),
            };
            if (page < 2) answer["$skipToken"] = (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new FakeResponse(200, answer);
        });
        var rows = await h.Client.QueryResourceGraphAsync<JsonObject>(
            "resources | project id", [.. subs, subs[0]],
            new ResourceGraphOptions { SubscriptionsPerRequest = 2, PageSize = 50 });
        Assert.Equal(5 * 3, rows.Count); // each subscription once, three pages each
        Assert.Equal(3 * 3, h.Requests.Count); // three batches of three pages
        var first = h.Requests[0].Body!.AsObject();
        JsonAssert.Equal($"""["{subs[0]}","{subs[1]}"]""", first["subscriptions"]);
        JsonAssert.Equal("""{"$top":50,"resultFormat":"objectArray"}""", first["options"]);
        Assert.Equal("1", h.Requests[1].Body!["options"]!["$skipToken"]!.GetValue<string>());
        Assert.Equal("/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01", h.Requests[0].Url);
    }

    [Fact]
    public async Task Resource_Graph_a_truncated_answer_without_a_skip_token_is_an_error_not_a_short_list()
    {
        await using var h = await StartAsync((_, _) => new FakeResponse(
            200, new { totalRecords = 5000, count = 1000, resultTruncated = "true", data = new[] { new { name = "a" } } }));
        var error = await Assert.ThrowsAsync<ResourceGraphResultTruncatedException>(
            () => h.Client.QueryResourceGraphAsync<JsonObject>("resources", [Sub]));
        Assert.Equal(ArmErrorCodes.ResourceGraphResultTruncated, error.Code);
        var sent = h.Requests.Count;
        Assert.Empty(await h.Client.QueryResourceGraphAsync<JsonObject>("resources", []));
        Assert.Equal(sent, h.Requests.Count);
    }

    [Fact]
    public async Task Role_assignment_deterministic_name_201_created_409_exists_counted_as_done_other_409_thrown()
    {
        var answer = new FakeResponse(201, new { id = "x", name = "x", properties = new { roleDefinitionId = "r", principalId = "p" } });
        await using var h = await StartAsync((_, _) => answer);
        var input = new RoleAssignmentInput
        {
            Scope = $"/subscriptions/{Sub}/resourceGroups/rg",
            PrincipalId = "6a0c8b3e-1f4d-4c52-9a11-2b7d4e9f0c13",
            RoleDefinitionId = "b556d68e-0be0-4f35-a333-ad7ee1ce17ea",
        };
        var created = await h.Client.PutRoleAssignmentAsync(input);
        Assert.Equal((true, false), (created.Created, created.AlreadyExisted));
        JsonAssert.Equal(
            $$"""
            {"properties":{
              "roleDefinitionId":"/subscriptions/{{Sub}}/providers/Microsoft.Authorization/roleDefinitions/b556d68e-0be0-4f35-a333-ad7ee1ce17ea",
              "principalId":"{{input.PrincipalId}}",
              "principalType":"ServicePrincipal"} }
            """,
            h.Requests[0].Body);
        Assert.EndsWith($"/roleAssignments/{created.Name}?api-version=2022-04-01", h.Requests[0].Url);

        answer = new FakeResponse(409, new { error = new { code = "RoleAssignmentExists", message = "The role assignment already exists." } });
        var again = await h.Client.PutRoleAssignmentAsync(input);
        Assert.Equal((false, true, created.Name), (again.Created, again.AlreadyExisted, again.Name));

        answer = new FakeResponse(409, new
        {
            error = new
            {
                code = "RoleAssignmentUpdateNotPermitted",
                message = "Tenant ID, application ID, principal ID, and scope are not allowed to be updated.",
            },
        });
        var error = await Assert.ThrowsAsync<ArmConflictException>(() => h.Client.PutRoleAssignmentAsync(input));
        Assert.Equal("RoleAssignmentUpdateNotPermitted", error.Code);
    }

    [Fact]
    public async Task Waiting_gives_up_after_the_timeout_with_OperationTimedOut_naming_the_URL_to_follow()
    {
        await using var h = await StartAsync((req, fake) => req.Method == "POST"
            ? new FakeResponse(202, Headers: new Dictionary<string, string>
            {
                ["azure-asyncoperation"] = $"{fake.Url}/status/slow", ["retry-after"] = "10",
            })
            : new FakeResponse(200, new { status = "InProgress" }, new Dictionary<string, string> { ["retry-after"] = "10" }));
        var error = await Assert.ThrowsAsync<ArmOperationTimedOutException>(() => h.Client.ProvisionManagedNetworkAndWaitAsync(
            Ws, wait: new WaitOptions { Timeout = TimeSpan.FromSeconds(35) }));
        Assert.Equal(ArmErrorCodes.OperationTimedOut, error.Code);
        Assert.Contains("still in progress after 30 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("/status/slow", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, h.Requests.Count(r => r.Method == "GET")); // three 10-s waits fit in 35 s, a fourth does not
    }
}
