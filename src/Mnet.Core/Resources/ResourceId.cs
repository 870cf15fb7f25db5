using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Mnet.Core.Resources;

/// <summary>
/// A parsed ARM resource id: <c>/subscriptions/{s}[/resourceGroups/{rg}[/providers/{ns}/{type}/{name}[/{type}/{name}]...]]</c>.
/// Pure (no Azure.Core). Ids compare without case, as ARM does; the original text is kept.
/// </summary>
public sealed partial record ResourceId
{
    private ResourceId(string id, string subscriptionId, string? resourceGroup, string? provider,
        IReadOnlyList<string> types, IReadOnlyList<string> names)
    {
        Id = id;
        SubscriptionId = subscriptionId;
        ResourceGroup = resourceGroup;
        Provider = provider;
        Types = types;
        Names = names;
    }

    /// <summary>The id as given.</summary>
    public string Id { get; }
    public string SubscriptionId { get; }
    public string? ResourceGroup { get; }
    /// <summary>Provider namespace, e.g. Microsoft.Storage; null for a subscription or resource group id.</summary>
    public string? Provider { get; }
    /// <summary>Type segments below the provider, top-level first (e.g. workspaces, computes).</summary>
    public IReadOnlyList<string> Types { get; }
    /// <summary>Name segments from the top-level resource down.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Full type, e.g. Microsoft.MachineLearningServices/workspaces/computes; null without a provider.</summary>
    public string? ResourceType => Provider is null ? null : $"{Provider}/{string.Join('/', Types)}";

    /// <summary>The last name segment; null for a subscription or resource group id.</summary>
    public string? Name => Names.Count == 0 ? null : Names[^1];

    /// <summary>True for a workspace id (not a child of one), compared without case.</summary>
    public bool IsWorkspace =>
        Names.Count == 1 && string.Equals(ResourceType, WorkspaceType, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The enclosing scope: a child's parent resource, a top-level resource's resource group, a resource group's
    /// subscription; null for a subscription.
    /// </summary>
    public ResourceId? Parent
    {
        get
        {
            if (Names.Count > 1)
            {
                var prefix = $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}/providers/{Provider}";
                var pairs = Types.Take(Types.Count - 1).Zip(Names).Select(p => $"/{p.First}/{p.Second}");
                return Parse(prefix + string.Concat(pairs));
            }
            if (Names.Count == 1) return Parse($"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroup}");
            if (ResourceGroup is not null) return Parse($"/subscriptions/{SubscriptionId}");
            return null;
        }
    }

    private const string WorkspaceType = "Microsoft.MachineLearningServices/workspaces";

    /// <summary>Parses an id; throws <see cref="ResourceIdException"/> naming what is wrong.</summary>
    public static ResourceId Parse(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!id.StartsWith('/')) throw new ResourceIdException(id, "must start with \"/subscriptions/\"");
        var parts = id.Split('/')[1..];
        if (parts.Any(p => !SegmentPattern().IsMatch(p) || p is "." or ".."))
        {
            throw new ResourceIdException(id, "has an empty or unsafe segment");
        }
        if (!parts[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase) || parts.Length < 2)
        {
            throw new ResourceIdException(id, "must start with \"/subscriptions/{subscriptionId}\"");
        }
        var subscriptionId = parts[1];
        if (!Guid.TryParseExact(subscriptionId, "D", out _))
        {
            throw new ResourceIdException(id, $"subscription \"{subscriptionId}\" is not a GUID");
        }
        if (parts.Length == 2) return new ResourceId(id, subscriptionId, null, null, [], []);
        if (!parts[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase) || parts.Length < 4)
        {
            throw new ResourceIdException(id, "expected \"/resourceGroups/{name}\" after the subscription");
        }
        var resourceGroup = parts[3];
        if (parts.Length == 4) return new ResourceId(id, subscriptionId, resourceGroup, null, [], []);
        if (!parts[4].Equals("providers", StringComparison.OrdinalIgnoreCase) || parts.Length < 6)
        {
            throw new ResourceIdException(id, "expected \"/providers/{namespace}\" after the resource group");
        }
        var rest = parts[6..];
        if (rest.Length < 2 || rest.Length % 2 != 0)
        {
            throw new ResourceIdException(id, "expected type/name pairs after the provider namespace");
        }
        var types = new List<string>();
        var names = new List<string>();
        for (var i = 0; i < rest.Length; i += 2)
        {
            types.Add(rest[i]);
            names.Add(rest[i + 1]);
        }
        return new ResourceId(id, subscriptionId, resourceGroup, parts[5], types, names);
    }

    public static bool TryParse(string? id, [NotNullWhen(true)] out ResourceId? result)
    {
        result = null;
        if (id is null) return false;
        try
        {
            result = Parse(id);
            return true;
        }
        catch (ResourceIdException)
        {
            return false;
        }
    }

    /// <summary>The id of a workspace.</summary>
    public static string WorkspaceId(string subscriptionId, string resourceGroup, string name) =>
        $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/{WorkspaceType}/{name}";

    /// <summary>ARM compares ids without case; null never matches.</summary>
    public static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="id"/> parses and names a workspace (not a child of one).</summary>
    public static bool IsWorkspaceId(string? id) => TryParse(id, out var parsed) && parsed.IsWorkspace;

    public bool Equals(ResourceId? other) => other is not null && Same(Id, other.Id);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Id);

    public override string ToString() => Id;

    [GeneratedRegex(@"^[^/\\?#\s]+$")]
    private static partial Regex SegmentPattern();
}
