using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Mnet.Core.Planning;

/// <summary>
/// Workspace state texts (<c>mnet plan --state</c>). Two shapes are accepted:
///  - a bare Workspace, exactly as ARM returns it (GET {ws}; <c>az ml workspace show</c> is NOT that shape);
///  - a bundle <c>{ "workspace": Workspace, "computes"?: Compute[], "onlineEndpoints"?: [{ "endpoint", "deployments" }],
///    "outboundRules"?: {name: rule}, "roleAssignments"?: [{scope, principalId, roleDefinitionId}], "hub"?: Workspace }</c>.
/// List values may also be ARM list responses (<c>{"value": [...]}</c>), so that <c>az rest</c> output can be pasted as
/// is. Leaving <c>computes</c> / <c>onlineEndpoints</c> out means "not read": the plan says computesKnown: false.
/// Pure: the caller reads the file.
/// </summary>
public static partial class WorkspaceStateJson
{
    private static readonly JsonDocumentOptions Strict = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Parses and checks a state text; throws <see cref="StateFileException"/> naming what is wrong and where.</summary>
    public static WorkspaceState Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        JsonNode? data;
        try
        {
            data = JsonNode.Parse(json.TrimStart('\uFEFF'), documentOptions: Strict);
        }
        catch (JsonException e)
        {
            throw new StateFileException(source, SyntaxMessage(e));
        }
        if (data is not JsonObject root)
        {
            throw new StateFileException(source, "must hold a JSON object: a workspace, or {\"workspace\": ..., \"computes\": [...]}");
        }
        var reader = new WorkspaceStateReader(source);
        if (!root.ContainsKey("workspace")) return new WorkspaceState { Workspace = reader.Workspace(root, "workspace") };
        return new WorkspaceState
        {
            Workspace = reader.Workspace(root["workspace"], "workspace"),
            Computes = reader.Computes(root["computes"]),
            OnlineEndpoints = reader.Endpoints(root["onlineEndpoints"]),
            OutboundRules = reader.Rules(root["outboundRules"]),
            RoleAssignments = reader.Assignments(root["roleAssignments"]),
            Hub = root["hub"] is null ? null : reader.Workspace(root["hub"], "hub"),
        };
    }

    /// <summary>The bundle shape <see cref="Parse"/> reads (ARM conventions), indented.</summary>
    public static string Serialize(WorkspaceState state) => JsonSerializer.Serialize(state, PlanJson.Options);

    /// <summary>Readers see a character position; people want line:column.</summary>
    private static string SyntaxMessage(JsonException e)
    {
        // The reader's advice to change its options is not for people editing a state file.
        var message = LocationSuffix().Replace(e.Message, "").Replace(" Change the reader options.", "", StringComparison.Ordinal);
        return e.LineNumber is { } line && e.BytePositionInLine is { } column
            ? $"{line + 1}:{column + 1}: not valid JSON: {message}"
            : $"not valid JSON: {message}";
    }

    [GeneratedRegex(@"\s*(Path: .*)?\|?\s*LineNumber: .*$", RegexOptions.Singleline)]
    internal static partial Regex LocationSuffix();

    /// <summary>CLR type names in reader messages, shortened to the record's name (<c>IsolationMode</c>).</summary>
    [GeneratedRegex(@"(?:System\.Nullable`1\[Mnet\.Core\.Resources\.(\w+)\]|Mnet\.Core\.Resources\.(\w+))")]
    internal static partial Regex TypeName();
}
