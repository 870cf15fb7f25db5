using System.Text.Json.Nodes;
using Mnet.Service.Bodies;
using Mnet.Service.Errors;

namespace Mnet.Service.Posture;

/// <summary>
/// The workspace id of a path (<c>/workspaces/{id}/...</c>): the ARM id percent-encoded as one segment. Servers keep
/// an encoded "/" encoded in the route value (or decode it, depending on the host): either way only "%2F" is turned
/// back into "/", then the id is checked exactly as a body's <c>workspaceId</c> (any other "%" is refused).
/// </summary>
internal static class WorkspacePathId
{
    public static string Parse(string? raw)
    {
        string value = (raw ?? "").Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var fields = new FieldChecker(new JsonObject { ["id"] = value });
        string? id = value.Length == 0 ? null : Identifiers.CheckWorkspaceId(fields, "id", true);
        if (id is not null) return id;
        IReadOnlyList<FieldProblem> problems = fields.Problems.Count > 0
            ? fields.Problems
            : [new FieldProblem("id", "is required: the workspace's ARM id, percent-encoded as one path segment", BodyRules.Required)];
        throw ServiceException.Invalid(problems);
    }
}
