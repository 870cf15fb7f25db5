using Mnet.Core.Catalog;
using Mnet.Core.Planning;
using Mnet.Core.Policy;
using Mnet.Core.Policy.Schema;
using Mnet.Core.Resources;

namespace Mnet.Core.Posture.Readiness;

/// <summary>
/// Works out the readiness list: the computes the planner's inventory would recreate (the same sorting rules), what
/// each private endpoint becomes, and the policy that would carry the move out.
/// </summary>
internal static class ReadinessBuilder
{
    public static PostureReadiness Build(PostureContext ctx, PostureOptions options)
    {
        var target = options.TargetIsolationMode;
        if (target == IsolationMode.Disabled)
        {
            throw new ArgumentException("The target isolation mode of a move must be a managed mode.", nameof(options));
        }
        var inventory = ComputeInventoryBuilder.Build(
            ctx.Workspace,
            ctx.Input.Computes,
            [.. ctx.Input.OnlineEndpoints.Select(e => new OnlineEndpointState(e, []))]);
        var computes = inventory.Migrate
            .Select(c => new ComputeRecreation(c.Name, c.ComputeType, SubnetOf(ctx, c.Name), c.DropsSubnet))
            .ToList();
        var endpoints = inventory.Endpoints.Select(e => e.Name).ToList();
        var (moves, rules) = PrivateEndpointMoves.Of(ctx, target);
        return new PostureReadiness
        {
            TargetIsolationMode = target,
            ComputesToRecreate = computes,
            OnlineEndpointsToRecreate = endpoints,
            UnsupportedComputes = [.. inventory.Unsupported],
            UntouchedComputes = [.. inventory.Untouched],
            PrivateEndpoints = moves,
            OutboundRules = rules,
            Policy = Fragment(ctx, target, rules, computes.Count + endpoints.Count > 0, inventory.Unsupported.Count > 0),
            Notes = Notes(ctx, target, computes, inventory.Unsupported, moves, rules),
        };
    }

    private static string? SubnetOf(PostureContext ctx, string computeName) =>
        ctx.Input.Computes.FirstOrDefault(c => c.Name == computeName) is { } compute ? PostureContext.SubnetOf(compute) : null;

    private static PolicyFragment Fragment(
        PostureContext ctx, IsolationMode target, List<PolicyRuleSnippet> rules, bool recreates, bool unsupported)
    {
        var uncovered = rules.Any(r => ResourceId.TryParse(r.Destination.ServiceResourceId, out var id) &&
            id.ResourceType is { } type && PrivateEndpointTargets.Find(type)?.ApproverRoleCovers == false);
        var imageBuild = ctx.Workspace.Properties.ImageBuildCompute?.Trim();
        return new PolicyFragment
        {
            Name = $"{ctx.Workspace.Name}-managed-network",
            Scope = new PolicyFragmentScope
            {
                Subscriptions = [ctx.WorkspaceId.SubscriptionId],
                ResourceGroups = [ctx.WorkspaceId.ResourceGroup!],
            },
            ManagedNetwork = new PolicyFragmentManagedNetwork
            {
                IsolationMode = IsolationModes.ToPolicyName(target),
                OutboundRules = rules,
            },
            PublicNetworkAccess = ctx.Network.PublicAccessDisabled ? "disabled" : null,
            ImageBuildCompute = string.IsNullOrEmpty(imageBuild) ? null : imageBuild,
            ComputeMigration = recreates || unsupported
                ? new PolicyFragmentComputeMigration
                {
                    Mode = PolicyEnumNames.Name(ComputeMigrationMode.RequireApproval),
                    SkipUnsupported = unsupported ? true : null,
                }
                : null,
            ApproverRoles = rules.Count > 0 ? new PolicyFragmentApproverRoles { CustomRoleForUncoveredTypes = uncovered } : null,
        };
    }

    private static List<string> Notes(
        PostureContext ctx,
        IsolationMode target,
        List<ComputeRecreation> computes,
        IReadOnlyList<ComputeLeftInPlace> unsupported,
        List<PrivateEndpointMove> moves,
        List<PolicyRuleSnippet> rules)
    {
        var notes = new List<string>();
        var blocking = computes.Where(c => c.BlocksEnabling).Select(c => c.Name).ToList();
        if (blocking.Count > 0)
        {
            notes.Add($"{string.Join(", ", blocking)} sit in a customer subnet: the managed network cannot be enabled " +
                $"until they are deleted. {ManagedNetworkMoveFacts.NoCustomerVnetComputes.Statement}");
        }
        if (computes.Count > 0)
        {
            notes.Add(ManagedNetworkMoveFacts.RecreateComputes.Statement);
        }
        if (unsupported.Count > 0)
        {
            notes.Add($"Left in place: {string.Join(", ", unsupported.Select(c => $"{c.Name} ({c.Reason})"))}. " +
                ManagedNetworkMoveFacts.UnsupportedComputes.Statement);
        }
        foreach (var m in moves.Where(m => m.Kind == PrivateEndpointMoveKind.NotSupported))
        {
            notes.Add($"Private endpoint {m.PrivateEndpointId} to {m.TargetResourceId} has no managed network equivalent: {m.Note}");
        }
        if (rules.Count > 0)
        {
            notes.Add(ManagedNetworkMoveFacts.ApprovalPermission.Statement);
        }
        if (!ctx.Network.PublicAccessDisabled)
        {
            notes.Add("The workspace's public network access is enabled today; the policy leaves it as it is " +
                "(set public_network_access: disabled to close it).");
        }
        if (target == IsolationMode.AllowOnlyApprovedOutbound)
        {
            notes.Add("allow_only_approved_outbound blocks every other outbound destination: add FQDN or service tag " +
                "rules (or rule packs) for what the computes reach on the internet today.");
        }
        notes.Add($"The scope names resource group {ctx.WorkspaceId.ResourceGroup}: other workspaces there are governed " +
            "too unless excluded.");
        return notes;
    }
}
