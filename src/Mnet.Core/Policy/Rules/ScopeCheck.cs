using Mnet.Core.Catalog;
using Mnet.Core.Policy.Validation;
using Mnet.Core.Resources;

namespace Mnet.Core.Policy.Rules;

/// <summary>Scope: subscription GUIDs, resource group names, exclusions, projects governed through hubs.</summary>
internal static class ScopeCheck
{
    public static void Check(PolicyView view, ProblemSink sink)
    {
        if (view.Scope is not { } scope) return;
        for (var i = 0; i < scope.Subscriptions.Count; i++)
        {
            var s = scope.Subscriptions[i];
            if (!Guid.TryParseExact(s, "D", out _))
            {
                sink.Error(["scope", "subscriptions", i], PolicyRuleIds.ScopeSubscriptionGuid,
                    $"\"{s}\" is not a subscription id (a GUID such as 00000000-0000-0000-0000-000000000001)");
            }
        }
        for (var i = 0; i < scope.ResourceGroups.Count; i++)
        {
            var rg = scope.ResourceGroups[i];
            if (!Prerequisites.ResourceGroupNamePattern.IsMatch(rg))
            {
                sink.Error(["scope", "resource_groups", i], PolicyRuleIds.ScopeResourceGroupName,
                    $"\"{rg}\" is not a resource group name (1-90 letters, digits, \"-\", \"_\", \".\", \"(\", " +
                    "\")\"; not ending with \".\")");
            }
        }
        for (var i = 0; i < scope.Exclude.Count; i++)
        {
            CheckExclusion(scope.Exclude[i], ["scope", "exclude", i], sink);
        }
        var project = IndexOf(scope.WorkspaceKinds, Prerequisites.ProjectKind);
        if (project >= 0 && !scope.WorkspaceKinds.Contains(Prerequisites.HubKind))
        {
            sink.Warn(["scope", "workspace_kinds", project], PolicyRuleIds.ProjectGovernedThroughHub,
                $"projects use their hub's managed network and are governed through it; add {Prerequisites.HubKind} " +
                "to workspace_kinds");
        }
    }

    private static void CheckExclusion(string entry, PathSegment[] at, ProblemSink sink)
    {
        if (entry.StartsWith('/'))
        {
            var (parsed, error) = TargetIds.Parse(entry);
            if (error is not null) sink.Error(at, PolicyRuleIds.ResourceIdWellFormed, error);
            else if (!ResourceId.IsWorkspaceId(entry))
            {
                sink.Error(at, PolicyRuleIds.ScopeExcludeValid, $"\"{entry}\" is a {parsed!.ResourceType} id, not a " +
                    "workspace id");
            }
        }
        else if (!OutboundRules.WorkspaceNamePattern.IsMatch(entry))
        {
            sink.Error(at, PolicyRuleIds.ScopeExcludeValid, $"\"{entry}\" is neither a workspace resource id nor a " +
                "workspace name");
        }
    }

    internal static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value) return i;
        }
        return -1;
    }
}
