using Mnet.Core.Planning;
using static Mnet.Core.Tests.Planning.PlanFixtures;

namespace Mnet.Core.Tests.Planning;

/// <summary>Port of tests/planner/scope.test.ts.</summary>
public class ScopeCheckTests
{
    private static Mnet.Core.Policy.Policy Scoped(
        IReadOnlyList<string>? subscriptions = null,
        IReadOnlyList<string>? resourceGroups = null,
        IReadOnlyList<string>? workspaceKinds = null,
        IReadOnlyDictionary<string, string>? tags = null,
        IReadOnlyList<string>? exclude = null) =>
        MakePolicy() with { Scope = Scope(subscriptions, resourceGroups, workspaceKinds, tags, exclude) };

    private static Dictionary<string, string> Tags(params (string Key, string Value)[] tags) => tags.ToDictionary(t => t.Key, t => t.Value);

    [Fact]
    public void Subscriptions_and_resource_groups_compare_without_case()
    {
        var policy = Scoped(subscriptions: [Sub.ToUpperInvariant()], resourceGroups: ["RG-ML"]);
        Assert.Equal(new ScopeVerdict(true), ScopeCheck.IsInScope(policy, MakeWorkspace()));
        var other = ScopeCheck.IsInScope(policy, MakeWorkspace(sub: OtherSub));
        Assert.False(other.InScope);
        Assert.Contains("subscription", other.Reason, StringComparison.Ordinal);
        Assert.Contains("resource group rg-other", ScopeCheck.IsInScope(policy, MakeWorkspace(rg: "rg-other")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Kinds_empty_means_every_kind_otherwise_listed_kinds_only_and_a_missing_kind_is_default()
    {
        Assert.True(ScopeCheck.IsInScope(Scoped(), MakeWorkspace(kind: "Hub")).InScope);
        var hubsOnly = Scoped(workspaceKinds: ["Hub"]);
        Assert.True(ScopeCheck.IsInScope(hubsOnly, MakeWorkspace(kind: "hub")).InScope);
        Assert.Contains("kind Default", ScopeCheck.IsInScope(hubsOnly, MakeWorkspace(kind: null)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_every_listed_tag_must_match_star_matches_any_value_and_tag_names_ignore_case()
    {
        var policy = Scoped(tags: Tags(("env", "prod"), ("Owner", "*"), ("tier", "gold-*")));
        Assert.True(ScopeCheck.IsInScope(policy, MakeWorkspace(tags: Tags(("ENV", "prod"), ("owner", "alice"), ("tier", "gold-eu")))).InScope);
        Assert.Contains("tag Owner is missing", ScopeCheck.IsInScope(policy, MakeWorkspace(tags: Tags(("env", "prod"), ("tier", "gold-eu")))).Reason, StringComparison.Ordinal);
        Assert.Contains("env=dev does not match prod", ScopeCheck.IsInScope(policy, MakeWorkspace(tags: Tags(("env", "dev"), ("owner", "a"), ("tier", "gold-1")))).Reason, StringComparison.Ordinal);
        Assert.False(ScopeCheck.IsInScope(policy, MakeWorkspace(tags: Tags(("env", "Prod"), ("owner", "a"), ("tier", "gold-1")))).InScope); // values are case-sensitive
        Assert.False(ScopeCheck.IsInScope(policy, MakeWorkspace(tags: Tags(("env", "prod"), ("owner", "a"), ("tier", "silver")))).InScope);
    }

    [Fact]
    public void Exclusions_by_id_or_by_name_without_case()
    {
        var policy = Scoped(exclude: [WsId("ws1").ToUpperInvariant(), "Legacy-WS"]);
        Assert.Contains("excluded", ScopeCheck.IsInScope(policy, MakeWorkspace(name: "ws1")).Reason, StringComparison.Ordinal);
        Assert.False(ScopeCheck.IsInScope(policy, MakeWorkspace(name: "legacy-ws")).InScope);
        Assert.True(ScopeCheck.IsInScope(policy, MakeWorkspace(name: "ws2")).InScope);
    }

    [Fact]
    public void By_id_exclusions_subscriptions_and_resource_groups_are_decided_before_the_workspace_is_read()
    {
        var policy = Scoped(resourceGroups: ["RG-ML"], exclude: ["Legacy-WS"], workspaceKinds: ["Hub"], tags: Tags(("env", "prod")));
        Assert.Equal(new ScopeVerdict(true), ScopeCheck.IsInScopeById(policy, WsId("ws1"))); // kind and tags are not known from the id
        Assert.Contains("excluded", ScopeCheck.IsInScopeById(policy, WsId("legacy-ws")).Reason, StringComparison.Ordinal);
        Assert.Contains("subscription", ScopeCheck.IsInScopeById(policy, WsId("ws1", "rg-ml", OtherSub)).Reason, StringComparison.Ordinal);
        Assert.Contains("resource group rg-other", ScopeCheck.IsInScopeById(policy, WsId("ws1", "rg-other")).Reason, StringComparison.Ordinal);
    }
}
