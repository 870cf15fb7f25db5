using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Arm.Errors;
using Mnet.Arm.Lro;
using Mnet.Arm.Recreate;
using Mnet.Arm.Tests.Support;
using Mnet.Core.Resources;
using Mnet.Emulator;
using static Mnet.Arm.Tests.Support.EmulatorHarness;

namespace Mnet.Arm.Tests;

/// <summary>
/// Port of tests/arm/client-computes-endpoints.test.ts, against the local emulator. The TS cases shared one emulator
/// in order; here each test seeds what it needs.
/// </summary>
public sealed class ArmClientComputesEndpointsTests : IAsyncLifetime
{
    private const string Ci = $"{WsId}/computes/ci-alice";
    private const string Cluster = $"{WsId}/computes/cpu-cluster";
    private const string Ep = $"{WsId}/onlineEndpoints/churn-scoring";
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private EmulatorHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync(emulator: o => o with
        {
            Durations = new LroDurations
            {
                ProvisionManagedNetwork = 2 * Minute,
                ComputeCreate = Minute,
                ComputeDelete = Minute,
                ComputeStartStop = TimeSpan.FromSeconds(30),
                EndpointCreate = Minute,
                DeploymentCreate = Minute,
            },
        });
        await _h.SeedWorkspaceAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>Polls a handle the way an orchestrator does: wait RetryAfterSeconds (move the clock), poll once, keep the handle as JSON.</summary>
    private async Task<LroPollResult> DriveAsync(LroHandle handle)
    {
        var current = handle;
        for (var polls = 1; polls < 500; polls++)
        {
            _h.Time.Advance(TimeSpan.FromSeconds(current.RetryAfterSeconds));
            var result = await _h.Client.PollOperationAsync(current);
            if (result.Status != LroStatus.InProgress) return result;
            current = JsonSerializer.Deserialize<LroHandle>(JsonSerializer.Serialize(result.Handle))!;
        }
        throw new InvalidOperationException("operation never ended");
    }

    private static ComputeCreateBody FixtureCompute(string name, bool inside) =>
        ComputeRecreate.Body(Fixtures.Load<ComputeResource>(name), inside);

    private async Task CreateComputesInCustomerNetworkAsync()
    {
        await _h.Client.CreateComputeAndWaitAsync(Ci, FixtureCompute("compute-instance", inside: false));
        Assert.Equal(LroStatus.Succeeded, (await DriveAsync(await _h.Client.BeginCreateComputeAsync(Cluster, FixtureCompute("aml-cluster", inside: false)))).Status);
    }

    private static WorkspaceNetworkPatch Mode(IsolationMode mode) => new()
    {
        Properties = new WorkspaceNetworkPatchProperties { ManagedNetwork = new ManagedNetworkPatch { IsolationMode = mode } },
    };

    [Fact]
    public async Task Computes_in_a_customer_network_created_from_realistic_bodies_get_list_stop_and_start()
    {
        var ci = await _h.Client.CreateComputeAndWaitAsync(Ci, FixtureCompute("compute-instance", inside: false));
        Assert.Equal("Succeeded", ci.Properties.ProvisioningState);
        var handle = await _h.Client.BeginCreateComputeAsync(Cluster, FixtureCompute("aml-cluster", inside: false));
        Assert.Equal(LroKind.AzureAsync, handle.Kind);
        var created = await DriveAsync(handle);
        Assert.Equal(LroStatus.Succeeded, created.Status);
        Assert.Equal("cpu-cluster", created.ResultAs<ComputeResource>()?.Name); // the final GET returns the compute

        var listed = await _h.Client.ListComputesAsync(WsId);
        Assert.Equal(["ci-alice", "cpu-cluster"], listed.Select(c => c.Name).Order(StringComparer.Ordinal));
        var cluster = await _h.Client.GetComputeAsync(Cluster);
        JsonAssert.Equal("""{"minNodeCount":0,"maxNodeCount":8,"nodeIdleTimeBeforeScaleDown":"PT120S"}""", cluster.Properties.Properties?["scaleSettings"]);

        Assert.Equal(LroStatus.Succeeded, (await DriveAsync(await _h.Client.BeginStopComputeAsync(Ci))).Status);
        Assert.Equal("Stopped", (await _h.Client.GetComputeAsync(Ci)).Properties.Properties?["state"].GetString());
        Assert.Equal(LroStatus.Succeeded, (await DriveAsync(await _h.Client.BeginStartComputeAsync(Ci))).Status);
        Assert.Equal("Running", (await _h.Client.GetComputeAsync(Ci)).Properties.Properties?["state"].GetString());
    }

    [Fact]
    public async Task Provisioning_the_managed_network_and_waiting_for_it_the_CLI_path()
    {
        // Serverless Spark needs the workspace's public network access disabled before provisioning (facts page).
        await _h.Client.PatchWorkspaceNetworkAsync(WsId, Mode(IsolationMode.AllowInternetOutbound) with
        {
            Properties = Mode(IsolationMode.AllowInternetOutbound).Properties with { PublicNetworkAccess = "Disabled" },
        });
        var status = await _h.Client.ProvisionManagedNetworkAndWaitAsync(WsId, includeSpark: true);
        Assert.Equal("Active", status.Status);
        var post = _h.Emu.Requests.List().First(r => r.Method == "POST" && r.Path.EndsWith("/provisionManagedNetwork", StringComparison.Ordinal));
        JsonAssert.Equal("""{"includeSpark":true}""", post.Body);
        Assert.Equal("Active", (await _h.Client.GetWorkspaceAsync(WsId)).Properties.ManagedNetwork?.Status?.Status);
    }

    [Fact]
    public async Task A_GET_body_sent_back_as_is_is_refused_by_the_service_and_the_recreate_body_is_accepted_in_a_managed_network()
    {
        await CreateComputesInCustomerNetworkAsync();
        // The migration as the service requires it: computes in a customer subnet go before the managed network is on.
        var snapshot = await _h.Client.GetComputeAsync(Ci);
        var deleteHandle = await _h.Client.BeginDeleteComputeAsync(Ci);
        var deleteRequest = _h.Emu.Requests.List().Last(r => r.Method == "DELETE");
        Assert.Equal("Delete", deleteRequest.Query["underlyingResourceAction"]);
        Assert.Equal(LroStatus.Succeeded, (await DriveAsync(deleteHandle)).Status);
        await Assert.ThrowsAsync<ArmNotFoundException>(() => _h.Client.GetComputeAsync(Ci));
        await _h.Client.DeleteComputeAndWaitAsync(Cluster);
        await _h.Client.PatchWorkspaceNetworkAsync(WsId, Mode(IsolationMode.AllowInternetOutbound));
        await _h.Client.ProvisionManagedNetworkAndWaitAsync(WsId);

        // The raw GET (read-only fields, customer subnet) is what the recreate body exists to clean.
        var raw = new ComputeCreateBody { Location = snapshot.Location ?? "westeurope", Properties = snapshot.Properties };
        var refused = await Assert.ThrowsAnyAsync<ArmBadRequestException>(() => _h.Client.BeginCreateComputeAsync(Ci, raw));
        Assert.Equal(400, refused.Status);
        var inSubnet = await Assert.ThrowsAsync<ArmValidationException>(
            () => _h.Client.BeginCreateComputeAsync(Ci, ComputeRecreate.Body(snapshot, insideManagedNetwork: false)));
        Assert.Contains("subnet", inSubnet.Message, StringComparison.OrdinalIgnoreCase);
        var recreated = await DriveAsync(await _h.Client.BeginCreateComputeAsync(Ci, ComputeRecreate.Body(snapshot, insideManagedNetwork: true)));
        Assert.Equal(LroStatus.Succeeded, recreated.Status);
        var after = await _h.Client.GetComputeAsync(Ci);
        Assert.True(JsonNode.DeepEquals(
            Node(snapshot.Properties.Properties?["personalComputeInstanceSettings"]),
            Node(after.Properties.Properties?["personalComputeInstanceSettings"])));
        Assert.True(after.Properties.Properties?.TryGetValue("subnet", out var subnet) != true || subnet.ValueKind == JsonValueKind.Null);
        Assert.Equal(["ci-alice"], (await _h.Client.ListComputesAsync(WsId)).Select(c => c.Name));
    }

    [Fact]
    public async Task Online_endpoint_and_deployments_create_get_list_traffic_applied_after_the_deployments_delete()
    {
        var plan = OnlineEndpointRecreate.Plan(Fixtures.Load<OnlineEndpoint>("online-endpoint"));
        Assert.Equal(LroStatus.Succeeded, (await DriveAsync(await _h.Client.BeginCreateOnlineEndpointAsync(Ep, plan.Body))).Status);
        var deployment = OnlineEndpointRecreate.DeploymentBody(Fixtures.Load<OnlineDeployment>("online-deployment"));
        foreach (var name in new[] { "blue", "green" })
        {
            var result = await DriveAsync(await _h.Client.BeginCreateOnlineDeploymentAsync($"{Ep}/deployments/{name}", deployment));
            Assert.Equal(LroStatus.Succeeded, result.Status);
        }
        Assert.Equal(LroStatus.Succeeded, (await DriveAsync(await _h.Client.BeginCreateOnlineEndpointAsync(
            Ep, OnlineEndpointRecreate.WithTraffic(plan.Body, plan.Traffic)))).Status);

        var ep = await _h.Client.GetOnlineEndpointAsync(Ep);
        Assert.Equal(new Dictionary<string, int> { ["blue"] = 90, ["green"] = 10 }, ep.Properties.Traffic);
        Assert.Equal("AMLToken", ep.Properties.AuthMode);
        Assert.Equal(["churn-scoring"], (await _h.Client.ListOnlineEndpointsAsync(WsId)).Select(e => e.Name));
        var deployments = await _h.Client.ListOnlineDeploymentsAsync(Ep);
        Assert.Equal(["blue", "green"], deployments.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Standard_DS3_v2", (await _h.Client.GetOnlineDeploymentAsync($"{Ep}/deployments/blue")).Properties.InstanceType);

        // A deployment with traffic cannot go: the service's 400 is surfaced, not retried.
        var refused = await Assert.ThrowsAnyAsync<ArmBadRequestException>(
            () => _h.Client.BeginDeleteOnlineDeploymentAsync($"{Ep}/deployments/green"));
        Assert.Equal(400, refused.Status);
        Assert.Equal(LroStatus.Succeeded, (await DriveAsync(await _h.Client.BeginCreateOnlineEndpointAsync(
            Ep, OnlineEndpointRecreate.WithTraffic(plan.Body, new Dictionary<string, int> { ["blue"] = 100 })))).Status);
        Assert.Equal(LroStatus.Succeeded, (await DriveAsync(await _h.Client.BeginDeleteOnlineDeploymentAsync($"{Ep}/deployments/green"))).Status);
        Assert.Equal(["blue"], (await _h.Client.ListOnlineDeploymentsAsync(Ep)).Select(d => d.Name));
        Assert.Equal(LroStatus.Succeeded, (await DriveAsync(await _h.Client.BeginDeleteOnlineEndpointAsync(Ep))).Status);
        Assert.Empty(await _h.Client.ListOnlineEndpointsAsync(WsId));
    }

    private static JsonNode? Node(JsonElement? element) => element is { } e ? JsonNode.Parse(e.GetRawText()) : null;
}
