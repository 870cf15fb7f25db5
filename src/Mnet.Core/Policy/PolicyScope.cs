namespace Mnet.Core.Policy;

/// <summary>Which workspaces a policy governs. Empty lists mean "every".</summary>
public sealed record PolicyScope
{
    public IReadOnlyList<string> Subscriptions { get; init; } = [];
    /// <summary>Empty: every resource group.</summary>
    public IReadOnlyList<string> ResourceGroups { get; init; } = [];
    /// <summary>Empty: every kind. Values: Default, Hub, Project, FeatureStore.</summary>
    public IReadOnlyList<string> WorkspaceKinds { get; init; } = [];
    /// <summary>Every tag listed must match (value "*" matches any value).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    /// <summary>Workspace resource ids or names excluded from the policy.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];
}
