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
using Mnet.Workflows.Migration;

namespace Mnet.Service.Migrations;

/// <summary>
/// POST /migrations/{id}/resume: recreate what a failed migration left missing (resumeMigration, from the snapshots it
/// saved) under the workspace's migrate instance id. The workspace must be in scope (app policy), the migration's
/// manifest must exist for it (404), and neither its onboarding nor a migration may be active (409). Idempotent per
/// ticket. Always under the app's policy: a request never brings its own.
/// </summary>
public sealed class MigrationResumeService(ServiceContext context)
{
    readonly ILogger log = context.Loggers.CreateLogger("Mnet.Service.Migrations");
    readonly PolicyResolver policies = new(context);
    readonly Callers callers = new(context);
    readonly WorkspacePlanner planner = new(context);
    readonly ScopeFence fence = new(context);
    readonly TicketStarts starts = new(context);

    public Task<AcceptedRequest> ResumeAsync(
        DurableTaskClient durable, string? migrationId, JsonObject body, string? authorization,
        CancellationToken cancellationToken = default) =>
        ResumeAsync(durable, migrationId, _ => Task.FromResult(body), authorization, cancellationToken);

    public async Task<AcceptedRequest> ResumeAsync(
        DurableTaskClient durable, string? migrationId, Func<CancellationToken, Task<JsonObject>> readBody, string? authorization,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(readBody);
        var proven = await callers.AuthenticateAsync(authorization, CallerRole.Requester, cancellationToken);
        var parsed = RequestBodies.Resume(await readBody(cancellationToken), callers.BodyNamesCaller);
        var problems = new List<FieldProblem>();
        if (migrationId is null || !Identifiers.MigrationId.IsMatch(migrationId))
        {
            problems.Add(new FieldProblem("id", "is not a migration id (letters, digits, \"-\" or \"_\", at most 64, as the onboarding reported it)", BodyRules.MigrationId));
        }

        problems.AddRange(parsed.Problems);
        var body = parsed.Value;
        if (problems.Count > 0 || body.WorkspaceId is null || body.TicketId is null) throw ServiceException.Invalid(problems);
        var requester = Callers.Resolve(proven, body.RequestedBy, "requestedBy");
        string workspaceId = body.WorkspaceId;
        fence.RequireConfiguredSubscription(ResourceId.Parse(workspaceId).SubscriptionId, "The workspace");

        var gateway = new OrchestrationGateway(durable);
        var known = await context.Tickets.GetAsync(body.TicketId, cancellationToken);
        if (known is not null) return await TicketStarts.ReplayAsync(gateway, known, log, cancellationToken);

        var appPolicy = await policies.AppPolicyAsync(log, cancellationToken);
        var state = await planner.ReadAsync(workspaceId, appPolicy, log, cancellationToken)
            ?? throw new ServiceException(ServiceErrorKind.NotFound, "Workspace not found", $"Workspace {workspaceId} does not exist.");
        fence.RequireInScope(state.Workspace, appPolicy, appPolicy);
        if (!await context.Migrations.ExistsAsync(workspaceId, migrationId!, cancellationToken))
        {
            throw new ServiceException(ServiceErrorKind.NotFound, "Migration not found",
                $"There is no migration {migrationId} of workspace {workspaceId} to resume (no manifest in the snapshot store).");
        }

        string onboardId = WorkflowInstanceIds.ForWorkspace(workspaceId);
        if (await gateway.GetAsync(onboardId, cancellationToken) is { IsActive: true } onboarding)
        {
            throw TicketStarts.Busy(onboardId, onboarding, workspaceId);
        }

        string instanceId = WorkflowInstanceIds.ForWorkspace(workspaceId, InstancePurpose.Migrate);
        var input = new ResumeMigrationInput
        {
            WorkspaceId = workspaceId,
            MigrationId = migrationId!,
            Request = new RequestMetadata(TriggerSource.Http, body.TicketId, requester.Name),
            Policy = appPolicy,
            Timings = context.Options.Timings,
        };
        var start = new TicketStart(TicketKind.Resume, body.TicketId, workspaceId, instanceId, WorkflowNames.ResumeMigration, input, requester);
        var replay = await starts.StartAsync(gateway, start, log, cancellationToken);
        if (replay is not null) return replay;
        log.Info("migration.resume-accepted", ("instanceId", instanceId), ("ticketId", body.TicketId), ("workspaceId", workspaceId),
            ("migrationId", migrationId), ("requestedBy", requester.Name));
        return new AcceptedRequest(instanceId, body.TicketId, workspaceId, false, appPolicy.Name, false, null, null);
    }
}
