using System.Text.Json.Nodes;

namespace Mnet.Service.Requests;

/// <summary>
/// GET /requests/{id}: the orchestration's status, phase, current step, plan, outcomes and errors, from its custom
/// status while it runs and its output once done. Errors show a code and a first line only.
/// </summary>
public sealed record RequestView
{
    public required string InstanceId { get; init; }
    public required string RunId { get; init; }
    public required string Orchestration { get; init; }
    /// <summary>Pending, Running, Completed, Failed, Terminated, Suspended, ...</summary>
    public required string RuntimeStatus { get; init; }
    /// <summary>One of <see cref="RequestStates"/>.</summary>
    public required string State { get; init; }
    public string? Phase { get; init; }
    public string? CurrentStep { get; init; }
    public string? WorkspaceId { get; init; }
    public string? TicketId { get; init; }
    public string? RequestedBy { get; init; }
    public bool? DryRun { get; init; }
    /// <summary>The orchestration's result once finished (compliant, applied, dry-run, rejected, ...).</summary>
    public string? Result { get; init; }
    public JsonNode? Plan { get; init; }
    public JsonArray Outcomes { get; init; } = [];
    public IReadOnlyList<RequestError> Errors { get; init; } = [];
    public WaitingForApproval? WaitingForApproval { get; init; }
    /// <summary>Set while waiting for approval: what an approve / reject must name.</summary>
    public ApprovalQuestion? Approval { get; init; }
    public string? Message { get; init; }
    public required DateTimeOffset CreatedTime { get; init; }
    public required DateTimeOffset LastUpdatedTime { get; init; }
}
