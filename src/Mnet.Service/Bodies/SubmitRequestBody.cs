using System.Text.Json.Nodes;

namespace Mnet.Service.Bodies;

/// <summary>POST /requests. <see cref="Policy"/> is a name (string) or an inline policy (object), resolved later.</summary>
internal sealed record SubmitRequestBody(string? WorkspaceId, JsonNode? Policy, string? TicketId, string? RequestedBy, bool DryRun);
