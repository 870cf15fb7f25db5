using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Mnet.Service.Bodies;
using Mnet.Service.Errors;
using Mnet.Service.Logging;
using Mnet.Service.Orchestrations;
using Mnet.Service.Ports;
using Mnet.Service.Requests;
using Mnet.Service.Shared;
using Mnet.Workflows;

namespace Mnet.Service.Approvals;

/// <summary>
/// Approve / reject: only a request waiting for approval, only for the question it waits on (run id and plan hash
/// named in the body; stale or mismatched: 409, nothing changes), one decision per question (atomic on the ticket
/// store; the losers get 409), never by the requester, the approver proven by the authenticator in Entra mode.
/// </summary>
public sealed class ApprovalService(ServiceContext context)
{
    readonly ILogger log = context.Loggers.CreateLogger("Mnet.Service.Approvals");
    readonly Callers callers = new(context);

    public Task<DecisionAccepted> DecideAsync(
        DurableTaskClient durable, string? id, bool approved, JsonObject body, string? authorization,
        CancellationToken cancellationToken = default) =>
        DecideAsync(durable, id, approved, _ => Task.FromResult(body), authorization, cancellationToken);

    /// <param name="readBody">Called after authentication (Entra: an anonymous caller learns nothing, not even body errors).</param>
    public async Task<DecisionAccepted> DecideAsync(
        DurableTaskClient durable,
        string? id,
        bool approved,
        Func<CancellationToken, Task<JsonObject>> readBody,
        string? authorization,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(readBody);
        var proven = await callers.AuthenticateAsync(authorization, CallerRole.Approver, cancellationToken);
        var parsed = RequestBodies.Decision(await readBody(cancellationToken), callers.BodyNamesCaller);
        var problems = new List<FieldProblem>();
        if (InstanceIds.ProblemOf(id) is { } idProblem) problems.Add(idProblem);
        problems.AddRange(parsed.Problems);
        if (problems.Count > 0) throw ServiceException.Invalid(problems);
        var who = Callers.Resolve(proven, parsed.Value.Approver, "approver");
        return await DecideAsync(new OrchestrationGateway(durable), id!, approved, parsed.Value, who, cancellationToken);
    }

    async Task<DecisionAccepted> DecideAsync(
        OrchestrationGateway gateway, string instanceId, bool approved, DecisionBody body, Caller who, CancellationToken cancellationToken)
    {
        var status = await gateway.GetAsync(instanceId, cancellationToken) ?? throw InstanceIds.NotFound(instanceId);
        var view = RequestViews.From(status);
        if (approved && context.Checks.RefuseSelfApproval) await RefuseSelfApprovalAsync(view, who, cancellationToken);
        if (view.State != RequestStates.WaitingForApproval || view.Approval is null)
        {
            log.Warn("approval.refused", ("reason", "not-waiting"), ("instanceId", instanceId), ("state", view.State), ("approver", who.Name));
            throw new ServiceException(ServiceErrorKind.Conflict, "Not waiting for approval",
                $"Request {instanceId} is not waiting for approval (state: {view.State}).",
                extensions: new Dictionary<string, object?> { ["instanceId"] = instanceId, ["state"] = view.State });
        }

        var question = view.Approval;
        if (context.Checks.BindApprovalToPlan && (body.RunId != question.RunId || body.PlanHash != question.PlanHash))
        {
            log.Warn("approval.refused", ("reason", "stale-approval"), ("instanceId", instanceId), ("approver", who.Name),
                ("runId", body.RunId), ("planHash", body.PlanHash));
            throw new ServiceException(ServiceErrorKind.Conflict, "Stale approval",
                $"The decision names run {body.RunId} and plan {body.PlanHash}, but request {instanceId} is waiting on run " +
                $"{question.RunId} and plan {question.PlanHash}: read GET /requests/{instanceId} again and decide on that plan.",
                [new FieldProblem(body.RunId != question.RunId ? "runId" : "planHash", "does not name the plan waiting for approval", BodyRules.StaleApproval)],
                new Dictionary<string, object?> { ["code"] = BodyRules.StaleApproval, ["instanceId"] = instanceId, ["runId"] = question.RunId, ["planHash"] = question.PlanHash });
        }

        var decision = new DecisionRecord(instanceId, question.RunId, question.PlanHash, approved, who.Name, who.AuthenticatedAs,
            context.Clock.GetUtcNow(), body.Comment);
        if (context.Checks.OneDecisionPerQuestion)
        {
            var claim = await context.Tickets.ClaimDecisionAsync(decision, cancellationToken);
            if (!claim.Won)
            {
                log.Warn("approval.refused", ("reason", "already-decided"), ("instanceId", instanceId), ("approver", who.Name));
                throw new ServiceException(ServiceErrorKind.Conflict, "Already decided",
                    $"Request {instanceId} was already {(claim.Current.Approved ? "approved" : "rejected")} by {claim.Current.Approver} for this plan.",
                    [new FieldProblem("planHash", "this plan already has a decision", BodyRules.AlreadyDecided)],
                    new Dictionary<string, object?> { ["code"] = BodyRules.AlreadyDecided, ["instanceId"] = instanceId, ["approved"] = claim.Current.Approved });
            }
        }

        var payload = new ApprovalEventPayload(approved, who.Name, who.AuthenticatedAs, instanceId, question.RunId, question.PlanHash, body.Comment);
        try
        {
            await gateway.RaiseEventAsync(instanceId, WorkflowNames.ApprovalEvent, payload, cancellationToken);
        }
        catch
        {
            // Not delivered: withdraw the decision so the approver can try again.
            if (context.Checks.OneDecisionPerQuestion) await context.Tickets.ReleaseDecisionAsync(decision, CancellationToken.None);
            throw;
        }

        log.Info(approved ? "request.approved" : "request.rejected", ("instanceId", instanceId), ("ticketId", view.TicketId),
            ("workspaceId", view.WorkspaceId), ("approver", who.Name), ("authenticatedAs", who.AuthenticatedAs),
            ("claimedApprover", who.Verified && body.Approver is not null && body.Approver != who.Name ? body.Approver : null),
            ("runId", question.RunId), ("planHash", question.PlanHash), ("stepIds", string.Join(',', question.StepIds)));
        return new DecisionAccepted(instanceId, view.TicketId, payload);
    }

    /// <summary>403 when the person deciding is the one who asked (any of their names, without case or padding).</summary>
    async Task RefuseSelfApprovalAsync(RequestView view, Caller who, CancellationToken cancellationToken)
    {
        var requester = new List<string>();
        if (!string.IsNullOrWhiteSpace(view.RequestedBy)) requester.Add(view.RequestedBy);
        if (view.TicketId is not null && await context.Tickets.GetAsync(view.TicketId, cancellationToken) is { } ticket &&
            ticket.InstanceId == view.InstanceId)
        {
            if (ticket.RequestedBy is not null) requester.Add(ticket.RequestedBy);
            requester.AddRange(ticket.RequesterAliases);
        }

        if (!who.Names.Any(name => requester.Any(r => Same(name, r)))) return;
        log.Warn("approval.refused", ("reason", "self-approval"), ("instanceId", view.InstanceId), ("approver", who.Name),
            ("authenticatedAs", who.AuthenticatedAs));
        throw new ServiceException(ServiceErrorKind.Forbidden, "Self-approval refused",
            $"{who.Name} requested {view.InstanceId} and cannot also approve it; another approver must decide.",
            [new FieldProblem("approver", "is the person who requested this change", BodyRules.SelfApproval)],
            new Dictionary<string, object?> { ["code"] = BodyRules.SelfApproval, ["instanceId"] = view.InstanceId });
    }

    static bool Same(string a, string b) =>
        string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
