using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Arm.Actions;
using Mnet.Arm.Errors;
using Mnet.Arm.Lro;
using Mnet.Arm.Tests.Support;
using Mnet.Core.Resources;
using static Mnet.Arm.Tests.Support.FakeArmHarness;

namespace Mnet.Arm.Tests;

/// <summary>
/// Port of tests/arm/client-faults.test.ts. The TS cases ran against the emulator with injected faults; here a
/// scripted server answers the same faults, and records the virtual time each request arrived at.
/// </summary>
public sealed class ArmClientFaultsTests
{
    private static readonly object WorkspaceBody = new { id = Ws, name = "ws1", location = "westeurope", properties = new { } };
    private static readonly Dictionary<string, string> NoHeaders = [];

    private static FakeResponse Status(int status, string code = "Fault", string message = "injected", int? retryAfter = null) =>
        new(status, new { error = new { code, message } },
            retryAfter is { } s ? new Dictionary<string, string> { ["retry-after"] = $"{s}" } : NoHeaders);

    /// <summary>Answers the first <paramref name="times"/> requests with <paramref name="fault"/>, then with <paramref name="ok"/>.</summary>
    private static Func<FakeRequest, FakeArm, FakeResponse> Faulty(int times, FakeResponse fault, FakeResponse ok)
    {
        var count = 0;
        return (_, _) => Interlocked.Increment(ref count) <= times ? fault : ok;
    }

    private static readonly FakeResponse EmptyList = new(200, new { value = Array.Empty<object>() });

    [Fact]
    public async Task Three_429s_then_success_are_retried_each_delay_being_the_Retry_After_the_service_sent()
    {
        await using var h = await StartAsync(Faulty(3, Status(429, retryAfter: 7), EmptyList));
        var rules = await h.Client.ListOutboundRulesAsync(Ws);
        Assert.Empty(rules);
        Assert.Equal(4, h.Requests.Count);
        Assert.Equal([7000L, 7000L, 7000L], h.Time.DelayMs);
        Assert.Equal(
            [(429, 0), (429, 1), (429, 2), (200, 3)],
            h.Attempts.Select(a => (a.Status, a.Attempt)));
        Assert.All(h.Attempts, a => Assert.Equal(ArmOperation.ReadOutboundRules, a.Operation));
    }

    [Fact]
    public async Task A_5xx_without_Retry_After_backs_off_exponentially_with_jitter_then_succeeds()
    {
        await using var h = await StartAsync(Faulty(2, Status(503), new FakeResponse(200, WorkspaceBody)));
        var ws = await h.Client.GetWorkspaceAsync(Ws);
        Assert.Equal("ws1", ws.Name);
        // random() = 0.5: step/2 + 0.5 * step/2 with steps 1000, 2000.
        Assert.Equal([750L, 1500L], h.Time.DelayMs);
    }

    [Fact]
    public async Task Retries_are_capped_after_MaxRetries_the_5xx_surfaces_as_a_retryable_error()
    {
        await using var h = await StartAsync((_, _) => Status(500));
        var error = await Assert.ThrowsAsync<ArmServerException>(() => h.Client.GetWorkspaceAsync(Ws));
        Assert.Equal(500, error.Status);
        Assert.True(error.IsRetryable);
        Assert.Equal(7, h.Requests.Count); // one try + 6 retries
        Assert.Equal(6, h.Time.Delays.Count);
        Assert.All(h.Time.Delays, d => Assert.True(d <= TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task A_4xx_other_than_408_and_429_is_never_retried_exactly_one_request()
    {
        await using var h = await StartAsync((_, _) => Status(403, "AuthorizationFailed", "no access"));
        var error = await Assert.ThrowsAsync<ArmAuthorizationFailedException>(() => h.Client.GetWorkspaceAsync(Ws));
        Assert.Equal((403, "AuthorizationFailed"), (error.Status, error.Code));
        Assert.Single(h.Requests);
        Assert.Empty(h.Time.Delays);
    }

    [Fact]
    public async Task Connection_resets_are_retried()
    {
        await using var h = await StartAsync(Faulty(2, FakeResponse.ResetConnection(), EmptyList));
        await h.Client.ListOutboundRulesAsync(Ws);
        Assert.Equal(3, h.Requests.Count);
        Assert.Equal(2, h.Time.Delays.Count);
        Assert.Equal([0, 0, 200], h.Attempts.Select(a => a.Status));
    }

    [Fact]
    public async Task A_connection_that_keeps_resetting_ends_as_ConnectionFailed()
    {
        await using var h = await StartAsync((_, _) => FakeResponse.ResetConnection());
        var error = await Assert.ThrowsAsync<ArmConnectionFailedException>(() => h.Client.ListOutboundRulesAsync(Ws));
        Assert.Equal(ArmErrorCodes.ConnectionFailed, error.Code);
        Assert.Equal(0, error.Status);
        Assert.True(error.IsRetryable);
        Assert.Equal(ArmOperation.ReadOutboundRules, error.Operation);
        Assert.Equal(7, h.Attempts.Count);
    }

    /// <summary>A provisioning service on the harness clock: the operation runs <paramref name="duration"/>.</summary>
    private static Func<FakeRequest, FakeArm, FakeResponse> Provisioning(
        Func<DateTimeOffset> now, TimeSpan duration, ConcurrentQueue<int> statuses, Func<FakeResponse?> fault,
        object? failure = null)
    {
        DateTimeOffset? started = null;
        return (req, fake) =>
        {
            FakeResponse answer;
            if (req.Method == "POST")
            {
                started = now();
                answer = new FakeResponse(202, Headers: new Dictionary<string, string>
                {
                    ["azure-asyncoperation"] = $"{fake.Url}/subscriptions/{Sub}/providers/Microsoft.MachineLearningServices/locations/westeurope/mfeOperationsStatus/op1?api-version=2025-09-01",
                    ["location"] = $"{fake.Url}/subscriptions/{Sub}/providers/Microsoft.MachineLearningServices/locations/westeurope/mfeOperationResults/op1?api-version=2025-09-01",
                    ["retry-after"] = "5",
                });
            }
            else if (fault() is { } injected)
            {
                answer = injected;
            }
            else if (req.Path.Contains("mfeOperationsStatus", StringComparison.Ordinal))
            {
                var done = now() - started >= duration;
                answer = !done
                    ? new FakeResponse(200, new { id = "op1", status = "InProgress" }, new Dictionary<string, string> { ["retry-after"] = "5" })
                    : failure is not null
                        ? new FakeResponse(200, new { id = "op1", status = "Failed", error = failure })
                        : new FakeResponse(200, new { id = "op1", status = "Succeeded" });
            }
            else
            {
                answer = new FakeResponse(200, new { status = "Active", sparkReady = false });
            }
            statuses.Enqueue(answer.Status);
            return answer;
        };
    }

    [Fact]
    public async Task Provisioning_start_returns_a_serializable_handle_one_poll_per_call_and_a_500_on_a_poll_is_recovered()
    {
        var time = new SteppingTimeProvider();
        var statuses = new ConcurrentQueue<int>();
        var injectOne = false;
        await using var h = await StartAsync(
            Provisioning(time.GetUtcNow, TimeSpan.FromMinutes(2), statuses, () =>
            {
                if (!injectOne) return null;
                injectOne = false;
                return Status(500);
            }),
            time: time);
        var handle = await h.Client.BeginProvisionManagedNetworkAsync(Ws, includeSpark: false);
        Assert.Equal(LroKind.AzureAsync, handle.Kind);
        Assert.Contains("mfeOperationsStatus", handle.OperationUrl, StringComparison.Ordinal);
        Assert.Equal(5, handle.RetryAfterSeconds);
        Assert.Equal(ArmOperation.ProvisionManagedNetwork, handle.Operation);
        JsonAssert.Equal("""{"includeSpark":false}""", h.Requests[0].Body);
        // Survives a trip through durable state (default serializer options, as an orchestrator's).
        var json = JsonSerializer.Serialize(handle);
        Assert.Contains("\"Operation\":\"ProvisionManagedNetwork\"", json, StringComparison.Ordinal); // by name
        var stored = JsonSerializer.Deserialize<LroHandle>(json)!;
        Assert.Equal(handle, stored);

        var before = h.Requests.Count;
        var first = await h.Client.PollOperationAsync(stored);
        Assert.Equal(LroStatus.InProgress, first.Status);
        Assert.Equal(before + 1, h.Requests.Count); // exactly one poll request

        time.Advance(TimeSpan.FromMinutes(3));
        injectOne = true;
        statuses.Clear();
        var done = await h.Client.PollOperationAsync(first.Handle);
        Assert.Equal(LroStatus.Succeeded, done.Status);
        Assert.Equal("Active", done.ResultAs<ManagedNetworkStatus>()?.Status);
        Assert.Equal([500, 200], statuses.Take(2));
        // A finished handle answers without another request.
        var sent = h.Requests.Count;
        Assert.Equal(LroStatus.Succeeded, (await h.Client.PollOperationAsync(done.Handle)).Status);
        Assert.Equal(sent, h.Requests.Count);
    }

    [Fact]
    public async Task A_Failed_LRO_surfaces_its_error_code_in_the_poll_result_and_as_an_exception_from_AndWait()
    {
        var time = new SteppingTimeProvider();
        await using var h = await StartAsync(
            Provisioning(time.GetUtcNow, TimeSpan.FromMinutes(2), new ConcurrentQueue<int>(), () => null,
                failure: new { code = "ManagedNetworkProvisioningFailed", message = "Subnet exhausted." }),
            time: time);
        var handle = await h.Client.BeginProvisionManagedNetworkAsync(Ws);
        time.Advance(TimeSpan.FromMinutes(10));
        var result = await h.Client.PollOperationAsync(handle);
        Assert.Equal(LroStatus.Failed, result.Status);
        Assert.Equal(("ManagedNetworkProvisioningFailed", "Subnet exhausted."), (result.Error?.Code, result.Error?.Message));

        h.Time.ClearDelays();
        var error = await Assert.ThrowsAsync<ArmOperationFailedException>(() => h.Client.ProvisionManagedNetworkAndWaitAsync(Ws));
        Assert.Equal("ManagedNetworkProvisioningFailed", error.Code);
        Assert.Equal(ArmOperation.ProvisionManagedNetwork, error.Operation);
        Assert.Equal("POST", error.Method);
        Assert.StartsWith(
            "POST workspace ws1 failed: ManagedNetworkProvisioningFailed — Subnet exhausted.", error.UserMessage(), StringComparison.Ordinal);
        // AndWait polls on the Retry-After, through the injected clock (the POST itself may wait for the write pacing).
        var polls = h.Time.DelayMs.Where(d => d >= 1000).ToArray();
        Assert.NotEmpty(polls);
        Assert.All(polls, d => Assert.Equal(5000L, d));
    }

    [Fact]
    public async Task Outbound_rules_concurrent_writes_on_one_workspace_are_serialized_no_409_then_get_list_delete()
    {
        var time = new SteppingTimeProvider();
        var rules = new ConcurrentDictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        var puts = new ConcurrentQueue<DateTimeOffset>();
        var conflicts = 0;
        DateTimeOffset? busyUntil = null;
        var ruleWrite = TimeSpan.FromSeconds(20);
        var gate = new Lock();
        await using var h = await StartAsync(
            (req, fake) =>
            {
                lock (gate)
                {
                    var now = time.GetUtcNow();
                    var name = req.Path.Split('/')[^1];
                    if (req.Path.Contains("/ops/", StringComparison.Ordinal))
                    {
                        return new FakeResponse(200, new { status = now >= busyUntil ? "Succeeded" : "InProgress" },
                            new Dictionary<string, string> { ["retry-after"] = "5" });
                    }
                    if (req.Method is "PUT" or "DELETE")
                    {
                        // The real service reports concurrent rule writes on one workspace as conflicts.
                        if (busyUntil is { } until && now < until)
                        {
                            Interlocked.Increment(ref conflicts);
                            return Status(409, "Conflict", "another rule operation is in progress");
                        }
                        busyUntil = now + ruleWrite;
                        if (req.Method == "PUT")
                        {
                            puts.Enqueue(now);
                            rules[name] = new JsonObject { ["id"] = $"{Ws}/outboundRules/{name}", ["name"] = name, ["properties"] = req.Body!["properties"]!.DeepClone() };
                        }
                        else
                        {
                            rules.TryRemove(name, out _);
                        }
                        return new FakeResponse(202, Headers: new Dictionary<string, string>
                        {
                            ["azure-asyncoperation"] = $"{fake.Url}/ops/{name}", ["retry-after"] = "5",
                        });
                    }
                    if (req.Path.EndsWith("/outboundRules", StringComparison.Ordinal))
                    {
                        return new FakeResponse(200, new JsonObject { ["value"] = new JsonArray(rules.Values.Select(r => (JsonNode?)r.DeepClone()).ToArray()) });
                    }
                    return rules.TryGetValue(name, out var rule)
                        ? new FakeResponse(200, rule.DeepClone())
                        : Status(404, "ResourceNotFound", "no such rule");
                }
            },
            time: time);
        string[] names = ["pypi", "anaconda", "pytorch"];
        string[] hosts = ["pypi.org", "*.anaconda.com", "pytorch.org"];
        var written = await Task.WhenAll(names.Select((n, i) => h.Client.PutOutboundRuleAsync(
            Ws, n, new FqdnOutboundRule { Destination = hosts[i], Category = "UserDefined" })));
        Assert.Equal(names, written.Select(r => r.Name));
        Assert.Equal(0, conflicts); // no conflict reached the service
        var times = puts.ToArray();
        Assert.Equal(3, times.Length);
        // Each PUT started after the previous rule operation had finished (20 s of virtual time each).
        for (var i = 1; i < times.Length; i++) Assert.True(times[i] - times[i - 1] >= ruleWrite, $"{times[i] - times[i - 1]}");

        var pypi = await h.Client.GetOutboundRuleAsync(Ws, "pypi");
        Assert.Equal("pypi.org", Assert.IsType<FqdnOutboundRule>(pypi.Properties).Destination);
        var listed = await h.Client.ListOutboundRulesAsync(Ws);
        Assert.All(names, n => Assert.Contains(listed, r => r.Name == n));

        await h.Client.DeleteOutboundRuleAsync(Ws, "anaconda");
        await Assert.ThrowsAsync<ArmNotFoundException>(() => h.Client.GetOutboundRuleAsync(Ws, "anaconda"));
    }

    [Fact]
    public async Task Write_ceiling_at_most_writesPerSecond_PATCHes_in_any_second_and_reads_do_not_wait_for_it()
    {
        var time = new SteppingTimeProvider();
        var patches = new ConcurrentQueue<DateTimeOffset>();
        await using var h = await StartAsync(
            (req, _) =>
            {
                if (req.Method == "PATCH") patches.Enqueue(time.GetUtcNow());
                return new FakeResponse(200, WorkspaceBody);
            },
            options => options with { WritesPerSecond = 2 },
            time);
        foreach (var access in new[] { "Enabled", "Disabled", "Enabled", "Disabled", "Enabled" })
        {
            await h.Client.PatchWorkspaceNetworkAsync(Ws, new WorkspaceNetworkPatch
            {
                Properties = new WorkspaceNetworkPatchProperties { PublicNetworkAccess = access },
            });
        }
        var times = patches.ToArray();
        Assert.Equal(5, times.Length);
        for (var i = 2; i < times.Length; i++)
        {
            Assert.True(times[i] - times[i - 2] >= TimeSpan.FromSeconds(1), $"PATCH {i} was the third in one second");
        }
        Assert.True(h.Time.Delays.Count(d => d > TimeSpan.Zero) >= 2);

        h.Time.ClearDelays();
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => h.Client.GetWorkspaceAsync(Ws)));
        Assert.Empty(h.Time.Delays); // reads never wait for the write ceiling (and the request ceiling is off)
    }
}
