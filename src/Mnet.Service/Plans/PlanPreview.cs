using System.Text.Json.Nodes;

namespace Mnet.Service.Plans;

/// <summary>POST /plan: the plan only (nothing started, nothing recorded).</summary>
public sealed record PlanPreview(string WorkspaceId, string Policy, JsonNode Plan);
