using Mnet.Core.Catalog;
using Mnet.Core.Policy.Syntax;
using Mnet.Core.Policy.Validation;

namespace Mnet.Core.Policy.Schema;

/// <summary>
/// One outbound rule, in the az ml YAML shape: <c>name</c>, <c>type</c> (which picks the shape of
/// <c>destination</c>) and optionally <c>category</c>.
/// </summary>
internal static class OutboundRuleShape
{
    private static readonly string[] RuleKeys = ["name", "type", "destination", "category"];
    private static readonly string[] ServiceTagKeys = ["service_tag", "protocol", "port_ranges"];
    private static readonly string[] PrivateEndpointKeys =
        ["service_resource_id", "subresource_target", "spark_enabled"];

    /// <summary>The rule, or null when it is invalid (problems reported).</summary>
    public static IndexedRule? Read(ShapeReader reader, PolicyNode node, int index)
    {
        PathSegment[] path = ["managed_network", "outbound_rules", index];
        if (node is not PolicyMapping item)
        {
            reader.WrongType(path, "a mapping", node);
            return null;
        }
        // Like a discriminated union: without a known type nothing else about the rule can be judged.
        var typeNode = item["type"];
        var types = OutboundRules.RuleTypes.Select(t => t.PolicyName).ToList();
        if (typeNode is null)
        {
            reader.Missing<string>([.. path, "type"]);
            return null;
        }
        if (typeNode is not PolicyScalar { Value: string type } || !types.Contains(type))
        {
            reader.NotAllowed([.. path, "type"], typeNode, types, PolicyRuleIds.RuleType, ArmSpellingHint);
            return null;
        }
        var mapping = reader.Mapping(item, path, RuleKeys);
        var name = reader.RequiredString(item["name"], [.. path, "name"]);
        var category = reader.OneOf(item["category"], [.. path, "category"], PolicyEnumNames.RuleCategories);
        PathSegment[] at = [.. path, "destination"];
        PolicyOutboundRule? rule = type switch
        {
            "fqdn" => reader.RequiredString(item["destination"], at) is { Ok: true } d
                ? new PolicyFqdnRule(name.Value ?? "", d.Value) : null,
            "service_tag" => ReadServiceTag(reader, item["destination"], at, name.Value ?? ""),
            _ => ReadPrivateEndpoint(reader, item["destination"], at, name.Value ?? ""),
        };
        return mapping.Ok && name.Ok && category.Ok && rule is not null
            ? new IndexedRule(index, rule, category.Value)
            : null;
    }

    /// <summary>` ("FQDN" is the ARM spelling; policies use the az ml name "fqdn")` for an ARM rule type.</summary>
    private static string ArmSpellingHint(string written) =>
        OutboundRules.PolicyRuleType(written) is { } policyName
            ? $" (\"{OutboundRules.ArmRuleType(policyName)}\" is the ARM spelling; policies use the az ml name " +
                $"\"{policyName}\")"
            : "";

    private static PolicyServiceTagRule? ReadServiceTag(ShapeReader reader, PolicyNode? node, PathSegment[] path,
        string name)
    {
        if (node is null) return reader.Missing<PolicyServiceTagRule?>(path).Value;
        var mapping = reader.Mapping(node, path, ServiceTagKeys);
        if (mapping.Value is not { } destination) return null;
        var tag = reader.RequiredString(destination["service_tag"], [.. path, "service_tag"]);
        var protocol = reader.RequiredString(destination["protocol"], [.. path, "protocol"]);
        // az ml writes `port_ranges: 443` as a YAML number; the ARM value is always a string.
        var ports = reader.ScalarText(destination["port_ranges"], [.. path, "port_ranges"], allowBoolean: false);
        return mapping.Ok && tag.Ok && protocol.Ok && ports.Ok
            ? new PolicyServiceTagRule(name, new PolicyServiceTagDestination(tag.Value, protocol.Value, ports.Value))
            : null;
    }

    private static PolicyPrivateEndpointRule? ReadPrivateEndpoint(ShapeReader reader, PolicyNode? node,
        PathSegment[] path, string name)
    {
        if (node is null) return reader.Missing<PolicyPrivateEndpointRule?>(path).Value;
        var mapping = reader.Mapping(node, path, PrivateEndpointKeys);
        if (mapping.Value is not { } destination) return null;
        var id = reader.RequiredString(destination["service_resource_id"], [.. path, "service_resource_id"]);
        var subresource = reader.RequiredString(destination["subresource_target"], [.. path, "subresource_target"]);
        var spark = reader.Bool(destination["spark_enabled"], [.. path, "spark_enabled"], fallback: false);
        return mapping.Ok && id.Ok && subresource.Ok && spark.Ok
            ? new PolicyPrivateEndpointRule(name,
                new PolicyPrivateEndpointDestination(id.Value, subresource.Value, spark.Value))
            : null;
    }
}
