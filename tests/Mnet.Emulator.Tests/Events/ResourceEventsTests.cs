using Mnet.Emulator.Events;
using Mnet.Emulator.Faults;
using Mnet.Emulator.Tests.Authorization;
using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Events;

public sealed class ResourceEventsTests
{
    private const string StorageVersion = "api-version=2023-05-01";

    private static string Storage(string name) =>
        $"/subscriptions/{Wire.Sub}/resourceGroups/rg-ev/providers/Microsoft.Storage/storageAccounts/{name}";

    [Fact]
    public async Task Webhook_ValidationHandshakeFirst_ThenWriteAndDeleteEventsInEventGridsShape()
    {
        await using var receiver = new WebhookReceiver();
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions
        {
            Events = new EventDeliveryOptions { WebhookUrl = receiver.Url },
        });
        await AuthorizationWire.PutResourceGroup(emu, "rg-ev");
        var rgEvent = await receiver.NextAsync();
        Assert.Single(receiver.Validations);
        Assert.Equal("Microsoft.Resources.ResourceWriteSuccess", Json.Str(rgEvent.Event, "eventType"));
        Assert.Equal("Microsoft.Resources/subscriptions/resourceGroups/write", Json.Str(rgEvent.Event, "data.operationName"));

        var put = await emu.Call("PUT", $"{Storage("stev")}?{StorageVersion}", new { location = "eastus" },
            headers: new Dictionary<string, string> { ["x-ms-correlation-request-id"] = "corr-1", ["x-ms-client-request-id"] = "cli-1" });
        Assert.Equal(201, put.Status);
        var (write, headers) = await receiver.NextAsync();

        Assert.Equal("Notification", headers.Get("aeg-event-type"));
        Assert.Equal("0", headers.Get("aeg-delivery-count"));
        Assert.Matches("^[0-9a-f-]{36}$", Json.Str(write, "id"));
        Assert.Equal($"/subscriptions/{Wire.Sub}", Json.Str(write, "topic"));
        Assert.Equal(Storage("stev"), Json.Str(write, "subject"));
        Assert.Equal("Microsoft.Resources.ResourceWriteSuccess", Json.Str(write, "eventType"));
        Assert.True(DateTimeOffset.TryParse(Json.Str(write, "eventTime"), out _));
        Assert.Equal("2", Json.Str(write, "dataVersion"));
        Assert.Equal("1", Json.Str(write, "metadataVersion"));
        var data = write["data"]!.AsObject();
        Assert.Equal(
            ["authorization", "claims", "correlationId", "httpRequest", "resourceProvider", "resourceUri", "operationName",
                "status", "subscriptionId", "tenantId"],
            data.Select(kv => kv.Key));
        Assert.Equal("Microsoft.Storage", Json.Str(data, "resourceProvider"));
        Assert.Equal(Storage("stev"), Json.Str(data, "resourceUri"));
        Assert.Equal("Microsoft.Storage/storageAccounts/write", Json.Str(data, "operationName"));
        Assert.Equal("Microsoft.Storage/storageAccounts/write", Json.Str(data, "authorization.action"));
        Assert.Equal("Succeeded", Json.Str(data, "status"));
        Assert.Equal(Wire.Sub, Json.Str(data, "subscriptionId"));
        Assert.Equal(Wire.Tenant, Json.Str(data, "tenantId"));
        Assert.Equal("corr-1", Json.Str(data, "correlationId"));
        Assert.Equal("cli-1", Json.Str(data, "httpRequest.clientRequestId"));
        Assert.Equal("PUT", Json.Str(data, "httpRequest.method"));
        Assert.EndsWith($"{Storage("stev")}?{StorageVersion}", Json.Str(data, "httpRequest.url"), StringComparison.Ordinal);

        Assert.Equal(200, (await emu.Delete($"{Storage("stev")}?{StorageVersion}")).Status);
        var (deleted, _) = await receiver.NextAsync();
        Assert.Equal("Microsoft.Resources.ResourceDeleteSuccess", Json.Str(deleted, "eventType"));
        Assert.Equal("Microsoft.Storage/storageAccounts/delete", Json.Str(deleted, "data.operationName"));
        // Reads raise nothing; a delete of nothing (204) raises nothing.
        await emu.Get($"{Storage("stev")}?{StorageVersion}");
        Assert.Equal(204, (await emu.Delete($"{Storage("stev")}?{StorageVersion}")).Status);
        await Task.Delay(300);
        Assert.False(receiver.TryNext(out _));
        Assert.Single(receiver.Validations);
    }

    [Fact]
    public async Task Webhook_ThatFailsTheHandshake_GetsNoEvents()
    {
        await using var receiver = new WebhookReceiver(answerValidation: false);
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions
        {
            Events = new EventDeliveryOptions { WebhookUrl = receiver.Url, RetryDelays = [] },
        });

        await AuthorizationWire.PutResourceGroup(emu, "rg-ev");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (receiver.Validations.IsEmpty && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.NotEmpty(receiver.Validations);
        await Task.Delay(300);
        Assert.False(receiver.TryNext(out _));
    }

    [Fact]
    public async Task WorkspaceCreate_RaisesItsWriteEventWhenTheOperationEnds_DeleteLikewise()
    {
        var sink = new CollectingSink();
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { Events = new EventDeliveryOptions { Sinks = [sink] } });
        await AuthorizationWire.PutResourceGroup(emu, "rg-ev");
        await sink.NextAsync();
        var ws = Wire.WsPath("rg-ev", "ws-ev");

        var put = await emu.Put($"{ws}?{Wire.Ml}", new { location = "eastus", identity = new { type = "SystemAssigned" }, properties = new { } });
        Assert.Equal(202, put.Status);
        await sink.AssertQuietAsync();
        emu.Advance(emu.Durations.WorkspaceCreate);
        Assert.Equal(200, (await emu.Get($"{ws}?{Wire.Ml}")).Status);
        var created = await sink.NextAsync();
        Assert.Equal("Microsoft.Resources.ResourceWriteSuccess", Json.Str(created, "eventType"));
        Assert.Equal(ws, Json.Str(created, "subject"));
        Assert.Equal("Microsoft.MachineLearningServices/workspaces/write", Json.Str(created, "data.operationName"));
        Assert.Equal("Microsoft.MachineLearningServices", Json.Str(created, "data.resourceProvider"));

        var patch = await emu.Patch($"{ws}?{Wire.Ml}", new { tags = new { owner = "team" } });
        if (patch.Status == 202)
        {
            emu.Advance(emu.Durations.WorkspaceCreate);
            await emu.Get($"{ws}?{Wire.Ml}");
        }

        Assert.Equal("Microsoft.Resources.ResourceWriteSuccess", Json.Str(await sink.NextAsync(), "eventType"));

        Assert.Equal(202, (await emu.Delete($"{ws}?{Wire.Ml}")).Status);
        emu.Advance(emu.Durations.WorkspaceDelete);
        await emu.Get($"/subscriptions/{Wire.Sub}/resourcegroups?api-version=2021-04-01");
        var deleted = await sink.NextAsync();
        Assert.Equal("Microsoft.Resources.ResourceDeleteSuccess", Json.Str(deleted, "eventType"));
        Assert.Equal("Microsoft.MachineLearningServices/workspaces/delete", Json.Str(deleted, "data.operationName"));
    }

    [Fact]
    public async Task FailedOperation_RaisesWriteFailure_ActionsRaiseActionEvents_ClaimsComeFromTheToken()
    {
        var sink = new CollectingSink();
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { Events = new EventDeliveryOptions { Sinks = [sink] } });
        await AuthorizationWire.PutResourceGroup(emu, "rg-ev");
        await sink.NextAsync();
        var ws = Wire.WsPath("rg-ev", "ws-fail");
        emu.Emulator.Faults.Add(new FaultSpec(new LroFailFault("InternalServerError", "boom"), Path: "/workspaces/ws-fail", Method: "PUT", Times: 1));

        Assert.Equal(202, (await emu.Put($"{ws}?{Wire.Ml}", new { location = "eastus", properties = new { } })).Status);
        emu.Advance(emu.Durations.WorkspaceCreate);
        await emu.Get($"/subscriptions/{Wire.Sub}/resourcegroups?api-version=2021-04-01");
        var failed = await sink.NextAsync();
        Assert.Equal("Microsoft.Resources.ResourceWriteFailure", Json.Str(failed, "eventType"));
        Assert.Equal("Failed", Json.Str(failed, "data.status"));

        const string principal = "7f000000-0000-4000-8000-0000000000b2";
        var token = PermissionsTests.Jwt(principal);
        await emu.Call("POST", $"/subscriptions/{Wire.Sub}/providers/Microsoft.Network/register?api-version=2021-04-01",
            headers: new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" });
        var action = await sink.NextAsync();
        Assert.Equal("Microsoft.Resources.ResourceActionSuccess", Json.Str(action, "eventType"));
        Assert.Equal("Microsoft.Network/register/action", Json.Str(action, "data.operationName"));
        Assert.Equal($"/subscriptions/{Wire.Sub}/providers/Microsoft.Network", Json.Str(action, "subject"));
        Assert.Equal(principal, Json.Str(action, "data.claims.oid"));
        Assert.Equal(principal, Json.Str(action, "data.authorization.evidence.principalId"));
    }

    [Fact]
    public void Options_AreEnabledOnlyWithADestination()
    {
        Assert.False(new EventDeliveryOptions().Enabled);
        Assert.True(new EventDeliveryOptions { QueueConnectionString = "UseDevelopmentStorage=true" }.Enabled);
        Assert.True(new EventDeliveryOptions { WebhookUrl = new Uri("http://127.0.0.1:1/") }.Enabled);
        Assert.True(new EventDeliveryOptions { Sinks = [new CollectingSink()] }.Enabled);
        Assert.Equal("workspace-events", new EventDeliveryOptions().QueueName);
    }
}
