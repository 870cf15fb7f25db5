using Mnet.Core.Catalog;
using Mnet.Core.Planning;
using Mnet.Core.Resources;

namespace Mnet.Core.Posture.Checks;

/// <summary>
/// Compute clusters and instances: in a subnet of a VNet that exists, in the workspace's subscription and region,
/// without a public IP. Other compute types (attached, Kubernetes) are the readiness list's business.
/// </summary>
internal static class ComputeCheck
{
    public static void Run(PostureContext ctx, ICollection<PostureFinding> findings)
    {
        foreach (var compute in ctx.Input.Computes)
        {
            var type = compute.Properties.ComputeType;
            if (!ComputeMigration.MigratableComputeTypes.Contains(type)) continue;
            var id = compute.Id ?? $"{ctx.Workspace.Id}/computes/{compute.Name}";
            var subnetId = PostureContext.SubnetOf(compute);
            if (subnetId is null)
            {
                findings.Add(PostureRules.ComputeNotInVnet.Finding(id,
                    $"{type} {compute.Name} is not in a subnet of the workspace's VNet (no properties.properties.subnet)."));
                continue;
            }
            CheckSubnet(ctx, compute, id, subnetId, findings);
            if (PostureContext.HasPublicIp(compute))
            {
                findings.Add(PostureRules.ComputePublicIp.Finding(id,
                    $"{type} {compute.Name} has enableNodePublicIp {(Written(compute) ? "true" : "not set (true by default)")}."));
            }
        }
    }

    private static void CheckSubnet(
        PostureContext ctx, ComputeResource compute, string id, string subnetId, ICollection<PostureFinding> findings)
    {
        var type = compute.Properties.ComputeType;
        if (!ResourceId.TryParse(subnetId, out var subnet) || PostureContext.VnetOfSubnet(subnetId) is not { } vnetId)
        {
            findings.Add(PostureRules.ComputeSubnetNotFound.Finding(id,
                $"{type} {compute.Name} names subnet \"{subnetId}\", which is not a subnet id."));
            return;
        }
        if (!string.Equals(subnet.SubscriptionId, ctx.WorkspaceId.SubscriptionId, StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(PostureRules.ComputeSubnetOtherSubscription.Finding(id,
                $"{type} {compute.Name} is in subnet {subnetId}, in subscription {subnet.SubscriptionId}; the workspace is in {ctx.WorkspaceId.SubscriptionId}."));
        }
        if (!ctx.SubnetKnown(subnetId))
        {
            findings.Add(PostureRules.ComputeSubnetNotFound.Finding(id,
                $"{type} {compute.Name} is in subnet {subnetId}, which could not be found (VNet missing, subnet missing, or not readable)."));
            return;
        }
        var vnet = ctx.Vnet(vnetId)!;
        var region = WorkspaceFacts.NormalizeRegion(vnet.Location);
        if (region is null || ctx.Region is null || region == ctx.Region) return;
        var rule = type == ComputeMigration.ComputeClusterType
            ? PostureRules.ComputeClusterOtherRegion
            : PostureRules.ComputeInstanceOtherRegion;
        findings.Add(rule.Finding(id,
            $"{type} {compute.Name} is in VNet {vnet.Name ?? vnetId} in {vnet.Location}; the workspace is in {ctx.Workspace.Location}."));
    }

    private static bool Written(ComputeResource compute) =>
        compute.Properties.Properties?.ContainsKey("enableNodePublicIp") == true;
}
