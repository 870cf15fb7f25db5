using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Mnet.Core.Resources;
using Mnet.Service.Bodies;
using Mnet.Service.Errors;
using Mnet.Service.Logging;
using Mnet.Service.Orchestrations;
using Mnet.Service.Ports;
using Mnet.Service.Requests;
using Mnet.Service.Shared;
using Mnet.Workflows;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;

namespace Mnet.Service.Workspaces;

/// <summary>
/// POST /workspaces: create a workspace that is born compliant (createWorkspace under <c>mnet-create-{hash}</c>,
/// idempotent per ticket). The workspace, its hub and every dependency must sit in configured subscriptions; the
/// workspace must be in the scope of the policy and of the app's policy, judged on what the request says.
/// </summary>
public sealed class WorkspaceCreationService(ServiceContext context)
{
    readonly ILogger log = context.Loggers.CreateLogger("Mnet.Service.Workspaces");
    readonly PolicyResolver policies = new(context);
    readonly Callers callers = new(context);
    readonly ScopeFence fence = new(context);
    readonly TicketStarts starts = new(context);

    public Task<AcceptedRequest> CreateAsync(
        DurableTaskClient durable, JsonObject body, string? authorization, CancellationToken cancellationToken = default) =>
        CreateAsync(durable, _ => Task.FromResult(body), authorization, cancellationToken);

    public async Task<AcceptedRequest> CreateAsync(
        DurableTaskClient durable, Func<CancellationToken, Task<JsonObject>> readBody, string? authorization,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(readBody);
        var proven = await callers.AuthenticateAsync(authorization, CallerRole.Requester, cancellationToken);
        var parsed = RequestBodies.CreateWorkspace(await readBody(cancellationToken), requesterRequired: false);
        var problems = parsed.Problems.ToList();
        var body = parsed.Value;
        var resolved = await policies.ResolveAsync(body.Policy, inlineAllowed: body.DryRun, problems, log, cancellationToken);
        if (problems.Count > 0 || resolved is null || body.WorkspaceId is null || body.TicketId is null || body.SubscriptionId is null ||
            body.ResourceGroup is null || body.Name is null || body.Location is null || body.Kind is null)
        {
            throw ServiceException.Invalid(problems);
        }

        // The requester is optional here (TS contract), but a proven one always wins over the body.
        Caller? requester = proven is not null ? Callers.Resolve(proven, null, "requestedBy")
            : body.RequestedBy is not null ? Callers.Resolve(null, body.RequestedBy, "requestedBy") : null;
        string workspaceId = body.WorkspaceId;
        string ticketId = body.TicketId;
        foreach (string sub in body.SubscriptionsReferenced())
        {
            fence.RequireConfiguredSubscription(sub, string.Equals(sub, body.SubscriptionId, StringComparison.OrdinalIgnoreCase)
                ? "The workspace" : "A referenced resource");
        }

        var gateway = new OrchestrationGateway(durable);
        var known = await context.Tickets.GetAsync(ticketId, cancellationToken);
        if (known is not null) return await TicketStarts.ReplayAsync(gateway, known, log, cancellationToken);

        var planned = new Workspace
        {
            Id = workspaceId,
            Name = body.Name,
            Location = body.Location,
            Kind = body.Kind,
            Tags = body.Tags ?? new Dictionary<string, string>(),
            Properties = new WorkspaceProperties { HubResourceId = body.HubId },
        };
        var appPolicy = resolved.IsAppPolicy ? resolved.Policy : await policies.AppPolicyAsync(log, cancellationToken);
        fence.RequireInScope(planned, resolved.Policy, appPolicy, "would be");

        var input = new CreateWorkspaceInput
        {
            SubscriptionId = body.SubscriptionId,
            Subscriptions = context.Options.Subscriptions,
            ResourceGroup = body.ResourceGroup,
            Name = body.Name,
            Location = body.Location,
            Kind = body.Kind,
            HubId = body.HubId,
            Policy = resolved.Policy,
            Dependencies = body.Dependencies is { } d && (d.StorageAccount ?? d.KeyVault ?? d.ApplicationInsights ?? d.ContainerRegistry) is not null ? d : null,
            DryRun = body.DryRun,
            Request = new RequestMetadata(TriggerSource.Http, ticketId, requester?.Name),
            TenantId = context.Options.TenantId,
            Tags = body.Tags,
            Timings = context.Options.Timings,
        };
        string instanceId = WorkflowInstanceIds.ForWorkspace(workspaceId, InstancePurpose.Create);
        var start = new TicketStart(TicketKind.Workspace, ticketId, workspaceId, instanceId, WorkflowNames.CreateWorkspace, input, requester);
        var replay = await starts.StartAsync(gateway, start, log, cancellationToken);
        if (replay is not null) return replay;
        log.Info("workspace.create-accepted", ("instanceId", instanceId), ("ticketId", ticketId), ("workspaceId", workspaceId),
            ("kind", body.Kind), ("location", body.Location), ("policy", resolved.Policy.Name), ("dryRun", body.DryRun));
        return new AcceptedRequest(instanceId, ticketId, workspaceId, false, resolved.Policy.Name, body.DryRun, null, null);
    }
}
