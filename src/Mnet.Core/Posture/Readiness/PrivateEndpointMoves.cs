using Mnet.Core.Catalog;
using Mnet.Core.Posture.Inputs;
using Mnet.Core.Resources;

namespace Mnet.Core.Posture.Readiness;

/// <summary>
/// What each customer private endpoint connection becomes in the managed network: the workspace's own stays for
/// inbound access, the default resources' become Required rules (in approved-outbound mode always, in
/// internet-outbound mode when their public access is disabled), the rest become user-defined outbound rules when
/// the managed network supports the target type and subresource.
/// </summary>
internal static class PrivateEndpointMoves
{
    public static (List<PrivateEndpointMove> Moves, List<PolicyRuleSnippet> Rules) Of(PostureContext ctx, IsolationMode target)
    {
        var moves = new List<PrivateEndpointMove>();
        var rules = new List<PolicyRuleSnippet>();
        var byTarget = new Dictionary<string, PolicyRuleSnippet>(StringComparer.OrdinalIgnoreCase);
        var namer = new RuleNamer();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var (endpoint, connection) in Relevant(ctx))
        {
            var targetId = connection.Properties?.PrivateLinkServiceId;
            if (string.IsNullOrEmpty(targetId)) continue;
            var groupId = connection.Properties?.GroupIds?.FirstOrDefault();
            seen.Add($"{endpoint.Id}|{targetId}");
            var move = Classify(ctx, target, endpoint.Id, targetId, groupId,
                connection.Properties?.PrivateLinkServiceConnectionState?.Status);
            if (move.Kind == PrivateEndpointMoveKind.OutboundRule)
            {
                var key = $"{targetId}|{move.Subresource}";
                if (!byTarget.TryGetValue(key, out var rule))
                {
                    rule = new PolicyRuleSnippet
                    {
                        Name = namer.Name(ResourceId.Parse(targetId).Name ?? "target", move.Subresource!),
                        Destination = new PolicyRuleSnippetDestination
                        {
                            ServiceResourceId = targetId,
                            SubresourceTarget = move.Subresource!,
                        },
                    };
                    byTarget[key] = rule;
                    rules.Add(rule);
                }
                move = move with { RuleName = rule.Name };
            }
            moves.Add(move);
        }

        // Connections the workspace and its default resources show whose endpoint the input does not hold.
        foreach (var targetId in new[] { ctx.Workspace.Id }.Concat(ctx.DefaultResourceIds))
        {
            foreach (var c in ctx.TargetConnections(targetId))
            {
                if (c.Properties?.PrivateEndpoint?.Id is not { } endpointId || !seen.Add($"{endpointId}|{targetId}")) continue;
                moves.Add(Classify(ctx, target, endpointId, targetId, c.Properties.GroupIds?.FirstOrDefault(),
                    c.Properties.PrivateLinkServiceConnectionState?.Status));
            }
        }
        return (moves, rules);
    }

    /// <summary>Endpoints in the workspace's VNets, or to the workspace, its default resources, or its Azure Monitor scopes.</summary>
    private static IEnumerable<(PrivateEndpoint Endpoint, PrivateLinkServiceConnection Connection)> Relevant(PostureContext ctx)
    {
        var targets = new HashSet<string>(new[] { ctx.Workspace.Id }.Concat(ctx.DefaultResourceIds), StringComparer.OrdinalIgnoreCase);
        var relevantEndpoints = ctx.AllConnections()
            .Where(p => targets.Contains(p.Connection.Properties?.PrivateLinkServiceId ?? "") ||
                (PostureContext.VnetOfSubnet(p.Endpoint.Properties?.Subnet?.Id) is { } vnet && ctx.WorkspaceVnets.Contains(vnet)))
            .Select(p => p.Endpoint.Id)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return ctx.AllConnections()
            .Where(p => relevantEndpoints.Contains(p.Endpoint.Id))
            .OrderBy(p => p.Endpoint.Id, StringComparer.OrdinalIgnoreCase);
    }

    private static PrivateEndpointMove Classify(
        PostureContext ctx, IsolationMode target, string endpointId, string targetId, string? groupId, string? status)
    {
        var move = new PrivateEndpointMove
        {
            PrivateEndpointId = endpointId,
            TargetResourceId = targetId,
            Subresource = groupId,
            Status = status,
            Kind = PrivateEndpointMoveKind.NotSupported,
            Note = "",
        };
        if (ResourceId.Same(targetId, ctx.Workspace.Id))
        {
            return move with { Kind = PrivateEndpointMoveKind.StaysInbound, Note = ManagedNetworkMoveFacts.InboundEndpointStays.Statement };
        }
        if (ctx.DefaultResourceIds.Any(id => ResourceId.Same(id, targetId)))
        {
            var publicAccessOff = PostureContext.IsDisabled(ctx.Dependency(targetId)?.Properties?.PublicNetworkAccess);
            return target == IsolationMode.AllowOnlyApprovedOutbound || publicAccessOff
                ? move with { Kind = PrivateEndpointMoveKind.RequiredRule, Note = ManagedNetworkMoveFacts.DefaultResourcesRequired.Statement }
                : move with
                {
                    Kind = PrivateEndpointMoveKind.NoRule,
                    Note = "In allow_internet_outbound mode the managed network reaches this default resource over its public " +
                        "endpoint, because its public network access is enabled: disable it to keep the traffic private.",
                };
        }
        return ToOutboundRule(move, targetId, groupId);
    }

    private static PrivateEndpointMove ToOutboundRule(PrivateEndpointMove move, string targetId, string? groupId)
    {
        if (!ResourceId.TryParse(targetId, out var parsed) || parsed.ResourceType is not { } type ||
            PrivateEndpointTargets.Find(type) is not { } targetType)
        {
            return move with
            {
                Note = $"{(ResourceId.TryParse(targetId, out var p) ? p.ResourceType : targetId)} is not a private endpoint " +
                    "target the managed network supports: this connection has no managed network equivalent.",
            };
        }
        var subresource = targetType.Subresources.FirstOrDefault(s => string.Equals(s, groupId, StringComparison.OrdinalIgnoreCase));
        if (subresource is null)
        {
            return move with
            {
                Note = $"Subresource \"{groupId ?? "(none)"}\" is not one the managed network supports for {targetType.DisplayName} " +
                    $"({string.Join(", ", targetType.Subresources)}).",
            };
        }
        return move with
        {
            Kind = PrivateEndpointMoveKind.OutboundRule,
            Subresource = subresource,
            Note = ManagedNetworkMoveFacts.PrivateEndpointsBecomeRules.Statement,
        };
    }
}
