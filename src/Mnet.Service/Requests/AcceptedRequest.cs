using System.Text.Json.Nodes;

namespace Mnet.Service.Requests;

/// <summary>
/// The answer to a write (POST /requests, /workspaces, /migrations/{id}/resume): the instance started, or on a
/// replayed ticket the first request as it stands now (<see cref="Replayed"/>; nothing new started).
/// </summary>
/// <param name="Plan">The plan shown before the orchestration starts (null for creations and resumes).</param>
/// <param name="Request">The instance's current view on replays; null right after a start.</param>
public sealed record AcceptedRequest(
    string InstanceId,
    string TicketId,
    string WorkspaceId,
    bool Replayed,
    string? Policy,
    bool? DryRun,
    JsonNode? Plan,
    RequestView? Request);
