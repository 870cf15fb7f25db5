using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Mnet.Service.Errors;
using Mnet.Service.Logging;
using Mnet.Service.Orchestrations;
using Mnet.Service.Ports;
using Mnet.Service.Requests;

namespace Mnet.Service.Shared;

/// <summary>
/// A ticket id is honoured once (the same ticket again answers with the first request); one orchestration per
/// workspace and purpose at a time (another ticket for a busy workspace: 409).
/// </summary>
internal sealed class TicketStarts(ServiceContext context)
{
    /// <summary>Records the ticket and starts; a replay when the ticket was known; 409 when the instance is busy.</summary>
    public async Task<AcceptedRequest?> StartAsync(
        OrchestrationGateway gateway, TicketStart start, ILogger log, CancellationToken cancellationToken)
    {
        var current = await gateway.GetAsync(start.InstanceId, cancellationToken);
        if (current is { IsActive: true })
        {
            // Same ticket already running (the store lost its record): that is the first request.
            if (TicketOf(current) == start.TicketId)
            {
                var record = new TicketRecord(start.TicketId, start.InstanceId, start.Kind, start.WorkspaceId, current.CreatedAt);
                return await ReplayAsync(gateway, record, log, cancellationToken);
            }

            throw Busy(start.InstanceId, current, start.WorkspaceId);
        }

        var claim = await context.Tickets.ClaimAsync(
            new TicketRecord(start.TicketId, start.InstanceId, start.Kind, start.WorkspaceId, context.Clock.GetUtcNow(),
                start.Requester?.Name, start.Requester?.AuthenticatedAs)
            {
                RequesterAliases = start.Requester?.Aliases ?? [],
            },
            cancellationToken);
        if (!claim.Claimed) return await ReplayAsync(gateway, claim.Record, log, cancellationToken);
        StartResult started;
        try
        {
            started = await gateway.StartOrGetAsync(start.Orchestrator, start.InstanceId, start.Input, cancellationToken);
        }
        catch
        {
            await context.Tickets.ReleaseAsync(start.TicketId, start.InstanceId, CancellationToken.None);
            throw;
        }

        if (!started.Started)
        {
            // Someone else (an Event Grid hint, another ticket) started this instance a moment ago.
            await context.Tickets.ReleaseAsync(start.TicketId, start.InstanceId, CancellationToken.None);
            throw Busy(start.InstanceId, started.Existing, start.WorkspaceId);
        }

        return null;
    }

    /// <summary>The answer for a ticket already recorded: the first request, as it stands now.</summary>
    public static async Task<AcceptedRequest> ReplayAsync(
        OrchestrationGateway gateway, TicketRecord record, ILogger log, CancellationToken cancellationToken)
    {
        var status = await gateway.GetAsync(record.InstanceId, cancellationToken);
        var view = status is null ? null : RequestViews.From(status);
        var input = status?.Input as JsonObject;
        string? policy = input?["policy"]?["name"] is JsonValue name && name.GetValueKind() == JsonValueKind.String ? name.GetValue<string>() : null;
        bool? dryRun = input?["dryRun"] is JsonValue dry && dry.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? dry.GetValue<bool>() : null;
        log.Info("request.replayed", ("ticketId", record.TicketId), ("instanceId", record.InstanceId), ("workspaceId", record.WorkspaceId));
        return new AcceptedRequest(record.InstanceId, record.TicketId, record.WorkspaceId, true, policy, dryRun, view?.Plan, view);
    }

    public static ServiceException Busy(string instanceId, OrchestrationSnapshot? existing, string workspaceId)
    {
        string? other = existing is null ? null : TicketOf(existing);
        var extensions = new Dictionary<string, object?> { ["instanceId"] = instanceId };
        if (other is not null) extensions["ticketId"] = other;
        return new ServiceException(ServiceErrorKind.Conflict, "Workspace busy",
            $"Workspace {workspaceId} already has an orchestration in progress ({instanceId}{(other is null ? "" : $", ticket {other}")}); retry when it has finished.",
            extensions: extensions);
    }

    static string? TicketOf(OrchestrationSnapshot status) =>
        status.Input?["request"]?["ticketId"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : null;
}
