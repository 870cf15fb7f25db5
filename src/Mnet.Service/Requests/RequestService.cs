using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Mnet.Core.Planning;
using Mnet.Service.Bodies;
using Mnet.Service.Errors;
using Mnet.Service.Logging;
using Mnet.Service.Orchestrations;
using Mnet.Service.Ports;
using Mnet.Service.Shared;
using Mnet.Workflows;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;

namespace Mnet.Service.Requests;

/// <summary>
/// POST /requests (plan, scope, start onboardWorkspace; a ticket id honoured once; one orchestration per workspace)
/// and GET /requests/{id}.
/// </summary>
public sealed class RequestService(ServiceContext context)
{
    readonly ILogger log = context.Loggers.CreateLogger("Mnet.Service.Requests");
    readonly PolicyResolver policies = new(context);
    readonly Callers callers = new(context);
    readonly ScopeFence fence = new(context);
    readonly WorkspacePlanner planner = new(context);
    readonly TicketStarts starts = new(context);

    /// <summary>202 (started) or 200 (<see cref="AcceptedRequest.Replayed"/>); throws ServiceException otherwise.</summary>
    public Task<AcceptedRequest> SubmitAsync(
        DurableTaskClient durable, JsonObject body, string? authorization, CancellationToken cancellationToken = default) =>
        SubmitAsync(durable, _ => Task.FromResult(body), authorization, cancellationToken);

    /// <param name="readBody">Called after the caller is authenticated (Entra: an anonymous caller learns nothing).</param>
    public async Task<AcceptedRequest> SubmitAsync(
        DurableTaskClient durable, Func<CancellationToken, Task<JsonObject>> readBody, string? authorization,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(readBody);
        var proven = await callers.AuthenticateAsync(authorization, CallerRole.Requester, cancellationToken);
        var parsed = RequestBodies.Submit(await readBody(cancellationToken), callers.BodyNamesCaller);
        var problems = parsed.Problems.ToList();
        var body = parsed.Value;
        var resolved = await policies.ResolveAsync(body.Policy, inlineAllowed: body.DryRun, problems, log, cancellationToken);
        if (problems.Count > 0 || body.WorkspaceId is null || body.TicketId is null || resolved is null) throw ServiceException.Invalid(problems);
        var requester = Callers.Resolve(proven, body.RequestedBy, "requestedBy");
        string workspaceId = body.WorkspaceId;
        string ticketId = body.TicketId;
        fence.RequireConfiguredSubscription(Core.Resources.ResourceId.Parse(workspaceId).SubscriptionId, "The workspace");

        var gateway = new OrchestrationGateway(durable);
        var known = await context.Tickets.GetAsync(ticketId, cancellationToken);
        if (known is not null) return await TicketStarts.ReplayAsync(gateway, known, log, cancellationToken);

        var appPolicy = resolved.IsAppPolicy ? resolved.Policy : await policies.AppPolicyAsync(log, cancellationToken);
        var (_, plan) = await planner.PlanAsync(workspaceId, resolved.Policy, appPolicy, log, cancellationToken);
        string instanceId = WorkflowInstanceIds.ForWorkspace(workspaceId);
        var input = new OnboardWorkspaceInput
        {
            WorkspaceId = workspaceId,
            Policy = resolved.Policy,
            Subscriptions = context.Options.Subscriptions,
            DryRun = body.DryRun,
            Request = new RequestMetadata(TriggerSource.Http, ticketId, requester.Name),
            Timings = context.Options.Timings,
        };
        var start = new TicketStart(TicketKind.Request, ticketId, workspaceId, instanceId, WorkflowNames.OnboardWorkspace, input, requester);
        var replay = await starts.StartAsync(gateway, start, log, cancellationToken);
        if (replay is not null) return replay;
        log.Info("request.accepted", ("instanceId", instanceId), ("ticketId", ticketId), ("workspaceId", workspaceId),
            ("requestedBy", requester.Name), ("authenticatedAs", requester.AuthenticatedAs),
            ("claimedRequester", requester.Verified && body.RequestedBy is not null && body.RequestedBy != requester.Name ? body.RequestedBy : null),
            ("policy", resolved.Policy.Name), ("dryRun", body.DryRun));
        return new AcceptedRequest(instanceId, ticketId, workspaceId, false, resolved.Policy.Name, body.DryRun, PlanNode(plan), null);
    }

    /// <summary>400 for an id this API does not mint, 404 for an unknown one.</summary>
    public async Task<RequestView> GetAsync(DurableTaskClient durable, string? id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(durable);
        string instanceId = InstanceIds.Check(id);
        var status = await new OrchestrationGateway(durable).GetAsync(instanceId, cancellationToken)
            ?? throw InstanceIds.NotFound(instanceId);
        return RequestViews.From(status);
    }

    internal static JsonNode PlanNode(Plan plan) => JsonSerializer.SerializeToNode(plan, PlanJson.Options)!;
}
