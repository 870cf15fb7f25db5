namespace Mnet.Core.Posture.Checks;

/// <summary>The workspace: an approved private endpoint, and no public access (an IP allow list is flagged).</summary>
internal static class WorkspaceAccessCheck
{
    public static void Run(PostureContext ctx, ICollection<PostureFinding> findings)
    {
        var id = ctx.Workspace.Id;
        if (!ctx.HasAnyConnection(id))
        {
            findings.Add(PostureRules.WorkspacePrivateEndpointMissing.Finding(id,
                $"Workspace {ctx.Workspace.Name} has no private endpoint connection."));
        }
        else if (ctx.ApprovedEndpoints(id).Count == 0)
        {
            var states = ctx.Network.Connections
                .Select(c => c.Properties?.PrivateLinkServiceConnectionState?.Status)
                .Concat(ctx.ConnectionsTo(id).Select(p => p.Connection.Properties?.PrivateLinkServiceConnectionState?.Status))
                .Select(s => s ?? "no status")
                .Distinct(StringComparer.OrdinalIgnoreCase);
            findings.Add(PostureRules.WorkspacePrivateEndpointNotApproved.Finding(id,
                $"Workspace {ctx.Workspace.Name} has private endpoint connections, none approved ({string.Join(", ", states)})."));
        }

        if (ctx.Network.PublicAccessDisabled) return;
        var access = ctx.Workspace.Properties.PublicNetworkAccess ?? "not set (Enabled)";
        if (ctx.Network.IpAllowList.Count > 0)
        {
            findings.Add(PostureRules.WorkspaceIpAllowList.Finding(id,
                $"Workspace {ctx.Workspace.Name} has publicNetworkAccess {access}, limited to {string.Join(", ", ctx.Network.IpAllowList)}."));
        }
        else
        {
            findings.Add(PostureRules.WorkspacePublicNetworkAccess.Finding(id,
                $"Workspace {ctx.Workspace.Name} has publicNetworkAccess {access} and no IP allow list."));
        }
    }
}
