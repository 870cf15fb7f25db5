using System.Text.Json.Nodes;

namespace Mnet.Service.Bodies;

/// <summary>POST /plan.</summary>
internal sealed record PlanRequestBody(string? WorkspaceId, JsonNode? Policy);
