using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Core.Posture;

namespace Mnet.Service.Posture;

/// <summary>
/// GET /workspaces/{id}/posture: the audit of one workspace. <see cref="Posture"/> is the report in the posture
/// JSON conventions (<see cref="PostureJson"/>: camelCase, absent fields left out; the readiness's policy parts in
/// the policy's snake_case, ready to paste into a policy file).
/// </summary>
/// <param name="Policy">The app policy the workspace was fenced by (its isolation mode is the move's target).</param>
/// <param name="Audited">False when the workspace already has a managed network (<c>posture.notAudited</c> says so).</param>
public sealed record PostureView(
    string WorkspaceId,
    string Policy,
    bool Audited,
    PostureCounts Counts,
    string Summary,
    JsonNode Posture)
{
    public static PostureView From(PostureReport report, string policyName)
    {
        ArgumentNullException.ThrowIfNull(report);
        var node = JsonNode.Parse(PostureJson.Serialize(report))
            ?? throw new JsonException("A posture report serialized to null.");
        return new PostureView(report.WorkspaceId, policyName, report.Audited, PostureCounts.Of(report), report.Summarize(), node);
    }
}
