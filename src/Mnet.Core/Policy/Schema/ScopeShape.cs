using Mnet.Core.Catalog;
using Mnet.Core.Policy.Syntax;
using Mnet.Core.Policy.Validation;

namespace Mnet.Core.Policy.Schema;

/// <summary>The <c>scope</c> section: which workspaces the policy governs.</summary>
internal static class ScopeShape
{
    private static readonly string[] Keys = ["subscriptions", "resource_groups", "workspace_kinds", "tags", "exclude"];

    /// <summary>The scope, or null when it is absent or invalid (problems reported).</summary>
    public static PolicyScope? Read(ShapeReader reader, PolicyNode? node)
    {
        PathSegment[] path = ["scope"];
        if (node is null) return reader.Missing<PolicyScope?>(path).Value;
        var mapping = reader.Mapping(node, path, Keys);
        if (mapping.Value is not { } scope) return null;
        var subscriptions = reader.StringList(scope["subscriptions"], [.. path, "subscriptions"], required: true);
        var groups = reader.StringList(scope["resource_groups"], [.. path, "resource_groups"]);
        var kinds = reader.StringList(scope["workspace_kinds"], [.. path, "workspace_kinds"],
            allowed: Prerequisites.WorkspaceKinds);
        var tags = ReadTags(reader, scope["tags"], [.. path, "tags"]);
        var exclude = reader.StringList(scope["exclude"], [.. path, "exclude"]);
        if (!mapping.Ok || !subscriptions.Ok || !groups.Ok || !kinds.Ok || !tags.Ok || !exclude.Ok) return null;
        return new PolicyScope
        {
            Subscriptions = subscriptions.Value,
            ResourceGroups = groups.Value,
            WorkspaceKinds = kinds.Value,
            Tags = tags.Value,
            Exclude = exclude.Value,
        };
    }

    /// <summary>Tag values in YAML may come out as numbers or booleans; tags are strings in ARM.</summary>
    private static ShapeResult<IReadOnlyDictionary<string, string>> ReadTags(ShapeReader reader, PolicyNode? node,
        PathSegment[] path)
    {
        if (node is null)
        {
            return ShapeResult<IReadOnlyDictionary<string, string>>.Valid(new Dictionary<string, string>());
        }
        if (node is not PolicyMapping mapping)
        {
            reader.WrongType(path, "a mapping", node);
            return ShapeResult<IReadOnlyDictionary<string, string>>.Invalid;
        }
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var entry in mapping.Entries)
        {
            var value = reader.ScalarText(entry.Value, [.. path, entry.Key], allowBoolean: true);
            if (value.Ok) tags[entry.Key] = value.Value;
            ok &= value.Ok;
        }
        return ok ? ShapeResult<IReadOnlyDictionary<string, string>>.Valid(tags)
            : ShapeResult<IReadOnlyDictionary<string, string>>.Invalid;
    }
}
