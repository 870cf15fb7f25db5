namespace Mnet.Service.Bodies;

/// <summary>POST /migrations/{id}/resume.</summary>
internal sealed record ResumeBody(string? WorkspaceId, string? TicketId, string? RequestedBy);
