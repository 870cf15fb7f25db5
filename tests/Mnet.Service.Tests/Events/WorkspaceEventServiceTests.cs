using System.Text.Json.Nodes;
using Mnet.Service.Events;
using Mnet.Service.Tests.Support;
using Mnet.Workflows.Durable;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Events;

/// <summary>Port of tests/functions/event-grid-workspace-changed.test.ts (service level: a queue message per delivery).</summary>
public sealed class WorkspaceEventServiceTests : IDisposable
{
    readonly ServiceRig rig = new();

    public void Dispose() => rig.Dispose();

    async Task<WorkspaceEventOutcome> DeliverAsync(JsonObject e) =>
        Assert.Single(await rig.App.Events.HandleQueueMessageAsync(rig.Durable, e.ToJsonString()));

    [Fact]
    public async Task A_workspace_write_in_scope_starts_one_onboarding_instance_under_the_workspace_id()
    {
        var outcome = await DeliverAsync(EventSamples.Write(WsId("ws-one")));
        Assert.Equal(WorkspaceEventAction.Started, outcome.Action);
        var (name, instanceId, _) = Assert.Single(rig.Durable.Starts);
        Assert.Equal("onboardWorkspace", name);
        Assert.Equal(WorkflowInstanceIds.ForWorkspace(WsId("ws-one")), instanceId);
        var input = rig.Durable.InputOf(0);
        Assert.Equal(WsId("ws-one"), input.GetProperty("workspaceId").GetString());
        Assert.False(input.GetProperty("dryRun").GetBoolean());
        Assert.Equal("baseline", input.GetProperty("policy").GetProperty("name").GetString());
        Assert.Equal("eventgrid", input.GetProperty("request").GetProperty("trigger").GetString());
        Assert.Equal(EventSamples.CorrelationId, input.GetProperty("request").GetProperty("correlationId").GetString());
        Assert.True(rig.Logs.Has("event.onboarding-started", "instanceId", instanceId));
    }

    [Fact]
    public async Task The_same_event_three_times_and_reordered_duplicates_still_start_one_instance()
    {
        var e = EventSamples.Write(WsId("ws-one"));
        var actions = new List<WorkspaceEventAction>();
        for (int i = 0; i < 3; i++) actions.Add((await DeliverAsync(e)).Action);
        // A later write for the same workspace arriving first, differently cased: same instance.
        actions.Add((await DeliverAsync(EventSamples.Write(WsId("ws-one").ToLowerInvariant(), id: "other-event"))).Action);
        Assert.Equal([WorkspaceEventAction.Started, WorkspaceEventAction.AlreadyRunning, WorkspaceEventAction.AlreadyRunning, WorkspaceEventAction.AlreadyRunning], actions);
        Assert.Single(rig.Durable.Starts);
    }

    public static TheoryData<string, string, string, string> Ignored => new()
    {
        { StorageId(), "Microsoft.Storage/storageAccounts/write", "Microsoft.Resources.ResourceWriteSuccess", "not a workspace write" },
        { $"{WsId("ws-one")}/computes/cpu-cluster", "Microsoft.MachineLearningServices/workspaces/computes/write", "Microsoft.Resources.ResourceWriteSuccess", "not a workspace write" },
        // A compute id wrongly labelled as a workspace write is still not a workspace.
        { $"{WsId("ws-one")}/computes/cpu-cluster", EventSamples.WorkspaceWrite, "Microsoft.Resources.ResourceWriteSuccess", "not a workspace" },
        { WsId("ws-one"), "Microsoft.MachineLearningServices/workspaces/delete", "Microsoft.Resources.ResourceWriteSuccess", "not a workspace write" },
        { WsId("ws-one"), EventSamples.WorkspaceWrite, "Microsoft.Resources.ResourceDeleteSuccess", "not a resource write" },
        { StorageId(), EventSamples.WorkspaceWrite, "Microsoft.Resources.ResourceWriteSuccess", "not a workspace" },
    };

    [Theory]
    [MemberData(nameof(Ignored))]
    public async Task Ignored_storage_account_compute_other_operations_and_event_types(string resourceUri, string operation, string eventType, string reason)
    {
        var outcome = await DeliverAsync(EventSamples.Write(resourceUri, operation, eventType));
        Assert.Equal(WorkspaceEventOutcome.Ignored(reason), outcome);
        Assert.True(rig.Logs.Has("event.ignored", "reason", reason));
        Assert.Empty(rig.Durable.Starts);
    }

    [Fact]
    public async Task Ignored_subscription_not_configured_and_outside_the_policy_scope()
    {
        Assert.Equal(WorkspaceEventOutcome.Ignored("subscription not configured"), await DeliverAsync(EventSamples.Write(WsId("ws-one", "rg-ml", OtherSub))));
        Assert.Equal(WorkspaceEventOutcome.Ignored("outside policy scope"), await DeliverAsync(EventSamples.Write(WsId("ws-excluded"))));
        Assert.Empty(rig.Durable.Starts);
    }

    [Fact]
    public async Task Ignored_unsafe_or_inconsistent_ids()
    {
        string traversal = $"/subscriptions/{Sub}/resourceGroups/../providers/Microsoft.MachineLearningServices/workspaces/ws-one";
        string encoded = $"/subscriptions/{Sub}/resourceGroups/%2e%2e/providers/Microsoft.MachineLearningServices/workspaces/ws-one";
        Assert.Equal(WorkspaceEventOutcome.Ignored("invalid resource id"), await DeliverAsync(EventSamples.Write(traversal)));
        Assert.Equal(WorkspaceEventOutcome.Ignored("invalid resource id"), await DeliverAsync(EventSamples.Write(encoded)));
        var disagree = EventSamples.Write(WsId("ws-one"));
        disagree["subject"] = WsId("ws-two");
        Assert.Equal(WorkspaceEventOutcome.Ignored("subject and resourceUri disagree"), await DeliverAsync(disagree));
        var otherSub = EventSamples.Write(WsId("ws-one"));
        otherSub["data"]!["subscriptionId"] = OtherSub;
        Assert.Equal(WorkspaceEventOutcome.Ignored("subscriptionId disagrees with the resource id"), await DeliverAsync(otherSub));
        var empty = EventSamples.Write(WsId("ws-one"));
        empty.Remove("data");
        empty["subject"] = "";
        Assert.Equal(WorkspaceEventOutcome.Ignored("not a workspace write"), await DeliverAsync(empty));
        Assert.Empty(rig.Durable.Starts);
    }

    [Fact]
    public async Task A_failing_start_is_rethrown_so_the_delivery_is_retried()
    {
        rig.Durable.StartOverride = (_, _) => throw new InvalidOperationException("durable client unavailable");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DeliverAsync(EventSamples.Write(WsId("ws-one"))));
        Assert.Contains("durable client unavailable", error.Message);
    }
}
