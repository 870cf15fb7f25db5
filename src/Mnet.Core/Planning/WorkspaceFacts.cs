using Mnet.Core.Catalog;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>Read-only views of a workspace the planning stages share. Pure.</summary>
public static class WorkspaceFacts
{
    /// <summary>A workspace without managedNetwork (or without isolationMode) has no managed network.</summary>
    public static IsolationMode ActualIsolationMode(Workspace workspace) =>
        workspace.Properties.ManagedNetwork?.IsolationMode ?? IsolationMode.Disabled;

    public static bool IsManaged(IsolationMode mode) => mode != IsolationMode.Disabled;

    private static readonly IReadOnlyDictionary<string, OutboundRule> NoRules = new Dictionary<string, OutboundRule>();

    /// <summary>The rules as read: separately listed rules win over the inline copy.</summary>
    public static IReadOnlyDictionary<string, OutboundRule> ActualRules(WorkspaceState state) =>
        state.OutboundRules ?? state.Workspace.Properties.ManagedNetwork?.OutboundRules ?? NoRules;

    public static string Kind(Workspace workspace) => workspace.Kind ?? Prerequisites.DefaultKind;

    /// <summary>Region names compare without case and spaces ("East US" = "eastus").</summary>
    public static string? NormalizeRegion(string? region) =>
        region is null ? null : string.Concat(region.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();

    /// <summary>The workspace itself and its default resources: creation already let its identity approve on them.</summary>
    public static HashSet<string> DefaultResourceIds(Workspace workspace) =>
        new(RequiredRules.WorkspaceDefaultResourceIds(workspace.Id, workspace.Properties), StringComparer.OrdinalIgnoreCase);

    /// <summary>Principal ids of the workspace identity (system-assigned first, then user-assigned).</summary>
    public static List<string> IdentityPrincipalIds(Workspace workspace)
    {
        var ids = new List<string>();
        var identity = workspace.Identity;
        if (identity is null) return ids;
        if (!string.IsNullOrEmpty(identity.PrincipalId)) ids.Add(identity.PrincipalId);
        foreach (var uai in identity.UserAssignedIdentities?.Values ?? [])
        {
            if (!string.IsNullOrEmpty(uai.PrincipalId) && !ids.Contains(uai.PrincipalId)) ids.Add(uai.PrincipalId);
        }
        return ids;
    }
}
