using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Mnet.Service.Events;
using Mnet.Service.Http;
using Mnet.Service.Tests.Support;
using Mnet.Workflows.Durable;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Security;

/// <summary>
/// Real Event Grid payloads handled right, through the queue (plain and base64 messages) and the webhook (the
/// validation handshake, Event Grid schema and CloudEvents): storage write, workspace write in both casings, delete,
/// action, child resources, CloudEvents form.
/// </summary>
public sealed class EventGridPayloadTests : IDisposable
{
    readonly ServiceRig rig = new();

    public void Dispose() => rig.Dispose();

    static string Base64(JsonNode node) => Convert.ToBase64String(Encoding.UTF8.GetBytes(node.ToJsonString()));

    async Task<WorkspaceEventOutcome> QueueAsync(string message) =>
        Assert.Single(await rig.App.Events.HandleQueueMessageAsync(rig.Durable, message));

    public static TheoryData<string, string> Samples => new()
    {
        { "storage account write", "ignored:not a workspace write" },
        { "workspace write", "started" },
        { "workspace write, upper-case operation and provider", "started" },
        { "workspace write, lower-case id", "started" },
        { "workspace delete", "ignored:not a resource write" },
        { "workspace action (listKeys)", "ignored:not a resource write" },
        { "compute write", "ignored:not a workspace write" },
        { "outbound rule write", "ignored:not a workspace write" },
        { "workspace write as a CloudEvent", "started" },
        { "compute write as a CloudEvent", "ignored:not a workspace write" },
    };

    static JsonObject Sample(string name)
    {
        string ws = WsId("ws-one");
        return name switch
        {
            "storage account write" => EventSamples.Write(StorageId(), "Microsoft.Storage/storageAccounts/write"),
            "workspace write" => EventSamples.Write(ws),
            "workspace write, upper-case operation and provider" => EventSamples.Write(
                ws.Replace("Microsoft.MachineLearningServices", "MICROSOFT.MACHINELEARNINGSERVICES", StringComparison.Ordinal),
                "MICROSOFT.MACHINELEARNINGSERVICES/WORKSPACES/WRITE"),
            "workspace write, lower-case id" => EventSamples.Write(ws.ToLowerInvariant(), EventSamples.WorkspaceWrite.ToLowerInvariant()),
            "workspace delete" => EventSamples.Write(ws, "Microsoft.MachineLearningServices/workspaces/delete", "Microsoft.Resources.ResourceDeleteSuccess"),
            "workspace action (listKeys)" => EventSamples.Write(ws, "Microsoft.MachineLearningServices/workspaces/listKeys/action", "Microsoft.Resources.ResourceActionSuccess"),
            "compute write" => EventSamples.Write($"{ws}/computes/cpu", "Microsoft.MachineLearningServices/workspaces/computes/write"),
            "outbound rule write" => EventSamples.Write($"{ws}/outboundRules/pypi", "Microsoft.MachineLearningServices/workspaces/outboundRules/write"),
            "workspace write as a CloudEvent" => EventSamples.CloudWrite(ws),
            "compute write as a CloudEvent" => EventSamples.CloudWrite($"{ws}/computes/cpu", "Microsoft.MachineLearningServices/workspaces/computes/write"),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    static string Describe(WorkspaceEventOutcome o) => o.Action == WorkspaceEventAction.Ignored ? $"ignored:{o.Reason}" : o.Action == WorkspaceEventAction.Started ? "started" : "already-running";

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Each_sample_is_handled_right_as_plain_and_as_base64_queue_messages(string sample, string expected)
    {
        Assert.Equal(expected, Describe(await QueueAsync(Sample(sample).ToJsonString())));
        Assert.Equal(expected == "started" ? "already-running" : expected, Describe(await QueueAsync(Base64(Sample(sample)))));
        Assert.Equal(expected == "started" ? 1 : 0, rig.Durable.StartCount);
        if (expected == "started") Assert.Equal(WorkflowInstanceIds.ForWorkspace(WsId("ws-one")), rig.Durable.Starts[0].InstanceId);
    }

    [Fact]
    public async Task A_batch_array_is_handled_event_by_event()
    {
        var outcomes = await rig.App.Events.HandleQueueMessageAsync(rig.Durable,
            new JsonArray(Sample("workspace write"), Sample("compute write"), EventSamples.Write(WsId("ws-two"))).ToJsonString());
        Assert.Equal(["started", "ignored:not a workspace write", "started"], outcomes.Select(Describe));
    }

    [Fact]
    public async Task A_message_that_is_not_event_json_is_a_format_error_a_poison_message()
    {
        await Assert.ThrowsAsync<EventGridFormatException>(() => rig.App.Events.HandleQueueMessageAsync(rig.Durable, "not json, not base64!"));
        await Assert.ThrowsAsync<EventGridFormatException>(() => rig.App.Events.HandleQueueMessageAsync(rig.Durable, Convert.ToBase64String([0xff, 0xfe])));
        Assert.Empty(rig.Durable.Starts);
    }

    [Fact]
    public async Task The_webhook_answers_the_subscription_validation_handshake_and_starts_nothing()
    {
        var res = await Webhook(new JsonArray(EventSamples.Validation("512d38b6-c7b8-40c8-89fe-f46f9e9622b6")));
        Assert.Equal(200, res.Status);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", res.Text("validationResponse"));
        Assert.Empty(rig.Durable.Starts);
    }

    [Fact]
    public async Task The_webhook_handles_event_grid_and_cloudevents_deliveries()
    {
        var res = await Webhook(new JsonArray(Sample("workspace write")));
        Assert.Equal(200, res.Status);
        Assert.Equal("started", res.Body["outcomes"]![0]!["action"]!.GetValue<string>());
        var cloud = await Webhook(Sample("workspace write as a CloudEvent"), "application/cloudevents+json; charset=utf-8");
        Assert.Equal(200, cloud.Status);
        Assert.Equal("already-running", cloud.Body["outcomes"]![0]!["action"]!.GetValue<string>());
        Assert.Single(rig.Durable.Starts);
    }

    [Fact]
    public async Task The_webhook_refuses_what_is_not_an_event_delivery()
    {
        Assert.Equal(400, (await rig.SendAsync(rig.Api.EventGridWebhookAsync, "POST", "/api/v1/events", new HttpRequestSpec { RawBody = "{" })).Status);
        Assert.Equal(415, (await Webhook(new JsonArray(Sample("workspace write")), "text/plain")).Status);
        Assert.Empty(rig.Durable.Starts);
    }

    [Fact]
    public async Task The_cloudevents_options_handshake_allows_the_origin()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "OPTIONS";
        context.Request.Headers[MnetHttpApi.WebHookRequestOrigin] = "eventgrid.azure.net";
        var result = (ApiResult)MnetHttpApi.EventGridWebhookOptions(context);
        Assert.Equal(200, result.Status);
        Assert.Equal("eventgrid.azure.net", result.Headers[MnetHttpApi.WebHookAllowedOrigin]);
        Assert.Equal(400, ((ApiResult)MnetHttpApi.EventGridWebhookOptions(new DefaultHttpContext())).Status);
    }

    Task<HttpAnswer> Webhook(JsonNode body, string contentType = "application/json") =>
        rig.SendAsync(rig.Api.EventGridWebhookAsync, "POST", "/api/v1/events",
            new HttpRequestSpec { Body = body, Headers = new Dictionary<string, string> { ["content-type"] = contentType } });
}
