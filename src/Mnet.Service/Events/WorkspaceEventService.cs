using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using Mnet.Service.Logging;
using Mnet.Service.Orchestrations;
using Mnet.Service.Shared;
using Mnet.Workflows;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;

namespace Mnet.Service.Events;

/// <summary>
/// Event Grid hints that a workspace was written. Delivery is at least once and unordered: an event only ever starts
/// (or finds) the workspace's onboarding under its deterministic instance id, which re-reads the workspace. Anything
/// else is acknowledged and ignored with a log line naming why; unexpected failures propagate (redelivery).
/// </summary>
public sealed class WorkspaceEventService(ServiceContext context)
{
    public const string ResourceWriteSuccess = "Microsoft.Resources.ResourceWriteSuccess";
    public const string WorkspaceWrite = "Microsoft.MachineLearningServices/workspaces/write";
    const int MaxResourceId = 512;

    readonly ILogger log = context.Loggers.CreateLogger("Mnet.Service.Events");
    readonly PolicyResolver policies = new(context);

    public async Task<WorkspaceEventOutcome> HandleAsync(
        DurableTaskClient durable, WorkspaceEvent workspaceEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(workspaceEvent);
        var data = workspaceEvent.Data;
        string? eventId = Clip(NonEmpty(workspaceEvent.Id), 100);
        string? correlationId = Clip(Text(data, "correlationId"), 100);

        WorkspaceEventOutcome Ignore(string reason, params (string, object?)[] fields)
        {
            log.Info("event.ignored", [("reason", reason), ("eventId", eventId), ("correlationId", correlationId),
                ("eventType", Clip(workspaceEvent.EventType, 200)), .. fields]);
            return WorkspaceEventOutcome.Ignored(reason);
        }

        if (workspaceEvent.EventType != ResourceWriteSuccess) return Ignore("not a resource write");
        string? operation = Text(data, "operationName");
        if (!string.Equals(operation, WorkspaceWrite, StringComparison.OrdinalIgnoreCase))
        {
            return Ignore("not a workspace write", ("operation", Clip(operation, 200)));
        }

        string? subject = NonEmpty(workspaceEvent.Subject);
        string? resourceUri = Text(data, "resourceUri");
        string? resourceId = resourceUri ?? subject;
        if (resourceId is null || resourceId.Length > MaxResourceId) return Ignore("no usable resource id");
        if (subject is not null && resourceUri is not null && !ResourceId.Same(subject, resourceUri))
        {
            return Ignore("subject and resourceUri disagree");
        }

        if (resourceId.Contains('%', StringComparison.Ordinal) || !ResourceId.TryParse(resourceId, out var parsed))
        {
            return Ignore("invalid resource id", ("resourceId", Clip(resourceId, 200)));
        }

        // Computes, outbound rules, ... are written under the workspace: not a workspace change.
        if (!parsed.IsWorkspace) return Ignore("not a workspace", ("resourceType", parsed.ResourceType));
        string workspaceId = resourceId;
        string? claimedSubscription = Text(data, "subscriptionId");
        if (claimedSubscription is not null && !string.Equals(claimedSubscription, parsed.SubscriptionId, StringComparison.OrdinalIgnoreCase))
        {
            return Ignore("subscriptionId disagrees with the resource id", ("workspaceId", workspaceId));
        }

        if (!context.Options.IsConfiguredSubscription(parsed.SubscriptionId))
        {
            return Ignore("subscription not configured", ("workspaceId", workspaceId), ("subscriptionId", parsed.SubscriptionId));
        }

        var policy = await policies.AppPolicyAsync(log, cancellationToken);
        var verdict = ScopeCheck.IsInScopeById(policy, workspaceId);
        if (!verdict.InScope)
        {
            return Ignore("outside policy scope", ("workspaceId", workspaceId), ("detail", $"{verdict.Reason} (policy \"{policy.Name}\")"));
        }

        string instanceId = WorkflowInstanceIds.ForWorkspace(workspaceId);
        var input = new OnboardWorkspaceInput
        {
            WorkspaceId = workspaceId,
            Policy = policy,
            Subscriptions = context.Options.Subscriptions,
            DryRun = false,
            Request = new RequestMetadata(TriggerSource.EventGrid, CorrelationId: correlationId ?? eventId),
            Timings = context.Options.Timings,
        };
        var result = await new OrchestrationGateway(durable).StartOrGetAsync(WorkflowNames.OnboardWorkspace, instanceId, input, cancellationToken);
        if (result.Started)
        {
            log.Info("event.onboarding-started", ("instanceId", instanceId), ("workspaceId", workspaceId), ("policy", policy.Name),
                ("eventId", eventId), ("correlationId", correlationId));
            return new WorkspaceEventOutcome(WorkspaceEventAction.Started, instanceId, workspaceId);
        }

        log.Info("event.onboarding-already-running", ("instanceId", instanceId), ("workspaceId", workspaceId),
            ("runtimeStatus", result.Existing?.RuntimeStatus.ToString()), ("eventId", eventId));
        return new WorkspaceEventOutcome(WorkspaceEventAction.AlreadyRunning, instanceId, workspaceId);
    }

    /// <summary>One queue message (the Event Grid subscription's storage queue destination): every event in it.</summary>
    public async Task<IReadOnlyList<WorkspaceEventOutcome>> HandleQueueMessageAsync(
        DurableTaskClient durable, string message, CancellationToken cancellationToken = default)
    {
        var delivery = EventGridMessages.ParseQueueMessage(message);
        return await HandleDeliveryAsync(durable, delivery, cancellationToken);
    }

    /// <summary>Every event of a delivery, in order (the validation handshake is the webhook's to answer).</summary>
    public async Task<IReadOnlyList<WorkspaceEventOutcome>> HandleDeliveryAsync(
        DurableTaskClient durable, EventGridDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.ValidationCode is not null)
        {
            log.Info("event.ignored", ("reason", "subscription validation (answered by the webhook only)"));
            return [WorkspaceEventOutcome.Ignored("subscription validation")];
        }

        var outcomes = new List<WorkspaceEventOutcome>(delivery.Events.Count);
        foreach (var e in delivery.Events) outcomes.Add(await HandleAsync(durable, e, cancellationToken));
        return outcomes;
    }

    static string? Text(JsonObject? data, string name) =>
        data?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 0 ? v.GetValue<string>() : null;

    static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    static string? Clip(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
