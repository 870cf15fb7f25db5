using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>The checks of one state text, each failure naming the source and the place.</summary>
internal sealed class WorkspaceStateReader(string source)
{
    public Workspace Workspace(JsonNode? node, string where)
    {
        if (node is not JsonObject obj) throw Fail($"{where} must be a workspace object as ARM returns it");
        foreach (var key in new[] { "id", "name", "location" })
        {
            if (!IsNonEmptyString(obj[key]))
            {
                throw Fail($"{where}.{key} is missing (a workspace as ARM returns it has id, name, location, properties)");
            }
        }
        if (obj["properties"] is not JsonObject) throw Fail($"{where}.properties is missing");
        return Read<Workspace>(obj, where);
    }

    public IReadOnlyList<ComputeResource>? Computes(JsonNode? node)
    {
        var list = ListOf(node, "computes");
        if (list is null) return null;
        var computes = new List<ComputeResource>();
        for (var i = 0; i < list.Count; i++)
        {
            var where = $"computes[{i}]";
            if (list[i] is not JsonObject c || c["name"] is not JsonValue name || name.GetValueKind() != JsonValueKind.String ||
                c["properties"] is not JsonObject props || props["computeType"] is not JsonValue type ||
                type.GetValueKind() != JsonValueKind.String)
            {
                throw Fail($"{where} needs name and properties.computeType");
            }
            computes.Add(Read<ComputeResource>(c, where));
        }
        return computes;
    }

    public IReadOnlyList<OnlineEndpointState>? Endpoints(JsonNode? node)
    {
        var list = ListOf(node, "onlineEndpoints");
        if (list is null) return null;
        var endpoints = new List<OnlineEndpointState>();
        for (var i = 0; i < list.Count; i++)
        {
            // Either {endpoint, deployments} or a bare endpoint (deployments then unknown: none listed).
            var entry = list[i] as JsonObject;
            var wrapped = entry?["endpoint"] is JsonObject;
            var endpoint = wrapped ? (JsonObject)entry!["endpoint"]! : entry;
            if (endpoint is null || !IsString(endpoint["name"])) throw Fail($"onlineEndpoints[{i}] needs an endpoint with a name");
            var where = wrapped ? $"onlineEndpoints[{i}].endpoint" : $"onlineEndpoints[{i}]";
            var deployments = new List<OnlineDeployment>();
            if (entry is not null && entry.ContainsKey("deployments"))
            {
                var raw = ListOf(entry["deployments"], $"onlineEndpoints[{i}].deployments") ?? [];
                for (var j = 0; j < raw.Count; j++)
                {
                    deployments.Add(Read<OnlineDeployment>(raw[j], $"onlineEndpoints[{i}].deployments[{j}]"));
                }
            }
            endpoints.Add(new OnlineEndpointState(Read<OnlineEndpoint>(endpoint, where), deployments));
        }
        return endpoints;
    }

    public IReadOnlyDictionary<string, OutboundRule>? Rules(JsonNode? node)
    {
        if (node is null) return null;
        // An ARM list of rule resources: {value: [{name, properties}]}.
        var list = node as JsonArray ?? (node is JsonObject o && o["value"] is JsonArray value ? value : null);
        var rules = new Dictionary<string, OutboundRule>(StringComparer.Ordinal);
        if (list is not null)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not JsonObject r || r["name"] is not JsonValue name || name.GetValueKind() != JsonValueKind.String ||
                    r["properties"] is not JsonObject props)
                {
                    throw Fail($"outboundRules[{i}] needs name and properties");
                }
                rules[name.GetValue<string>()] = Read<OutboundRule>(props, $"outboundRules[{i}].properties");
            }
            return rules;
        }
        if (node is not JsonObject map) throw Fail("outboundRules must map rule names to rules");
        foreach (var (name, rule) in map) rules[name] = Read<OutboundRule>(rule, $"outboundRules.{name}");
        return rules;
    }

    public IReadOnlyList<ExistingRoleAssignment>? Assignments(JsonNode? node)
    {
        var list = ListOf(node, "roleAssignments");
        if (list is null) return null;
        var assignments = new List<ExistingRoleAssignment>();
        for (var i = 0; i < list.Count; i++)
        {
            // ARM role assignment resources are accepted too ({properties: {scope, principalId, roleDefinitionId}}).
            var p = list[i] is JsonObject { } a && a["properties"] is JsonObject props ? props : list[i] as JsonObject;
            if (p is null || !IsString(p["scope"]) || !IsString(p["principalId"]) || !IsString(p["roleDefinitionId"]))
            {
                throw Fail($"roleAssignments[{i}] needs scope, principalId and roleDefinitionId");
            }
            assignments.Add(new ExistingRoleAssignment(
                p["scope"]!.GetValue<string>(), p["principalId"]!.GetValue<string>(), p["roleDefinitionId"]!.GetValue<string>()));
        }
        return assignments;
    }

    private JsonArray? ListOf(JsonNode? node, string what) => node switch
    {
        null => null,
        JsonArray array => array,
        JsonObject obj when obj["value"] is JsonArray value => value,
        _ => throw Fail($"{what} must be an array (or an ARM list response {{\"value\": [...]}})"),
    };

    /// <summary>Reads an ARM shape; a value of the wrong type is named by its path below <paramref name="where"/>.</summary>
    private T Read<T>(JsonNode? node, string where)
        where T : class
    {
        try
        {
            return node.Deserialize<T>(ArmJson.Options) ?? throw Fail($"{where} must not be null");
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 1 } p ? p[1..] : "";
            var message = WorkspaceStateJson.TypeName().Replace(WorkspaceStateJson.LocationSuffix().Replace(e.Message, ""), "$1$2");
            throw Fail($"{where}{path} is not as ARM returns it: {message}");
        }
    }

    private StateFileException Fail(string detail) => new(source, detail);

    private static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    private static bool IsNonEmptyString(JsonNode? node) => IsString(node) && node!.GetValue<string>().Length > 0;
}
