using System.Text.Json;
using Mnet.Core.Catalog;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// Sorts a workspace's computes and online endpoints: managed computes are deleted and recreated (no in-place path),
/// attached services are left alone, and Kubernetes / attached VMs / clusters outside the workspace's region are not
/// supported at all.
/// </summary>
internal static class ComputeInventoryBuilder
{
    public static ComputeInventory Build(
        Workspace workspace,
        IReadOnlyList<ComputeResource> computes,
        IReadOnlyList<OnlineEndpointState> endpoints)
    {
        var inventory = new ComputeInventory();
        foreach (var compute in computes)
        {
            var type = compute.Properties.ComputeType;
            var (verdict, reason) = Classify(workspace, compute);
            if (verdict != ComputeVerdict.Migrate)
            {
                var left = new ComputeLeftInPlace(compute.Name, type, reason);
                (verdict == ComputeVerdict.Unsupported ? inventory.Unsupported : inventory.Untouched).Add(left);
                continue;
            }
            var props = compute.Properties.Properties;
            inventory.Migrate.Add(new ComputeToMigrate(compute.Name, type, HasSubnet(props))
            {
                Id = compute.Id,
                Location = compute.Properties.ComputeLocation ?? compute.Location,
                VmSize = Text(props, "vmSize"),
            });
        }
        foreach (var (endpoint, deployments) in endpoints)
        {
            // Kubernetes online endpoints run on an attached cluster, which a managed network does not support.
            if (deployments.Any(d => IsUnsupportedEndpointCompute(d.Properties.EndpointComputeType)))
            {
                inventory.Unsupported.Add(new ComputeLeftInPlace(
                    endpoint.Name,
                    "KubernetesOnlineEndpoint",
                    "Kubernetes online endpoints are not supported in a managed network"));
                continue;
            }
            inventory.Endpoints.Add(new EndpointToMigrate(endpoint.Name, [.. deployments.Select(d => d.Name)]) { Id = endpoint.Id });
        }
        return inventory;
    }

    private static (ComputeVerdict Verdict, string Reason) Classify(Workspace workspace, ComputeResource compute)
    {
        var type = compute.Properties.ComputeType;
        if (ComputeMigration.UnsupportedComputeTypes.Contains(type))
        {
            return (ComputeVerdict.Unsupported, $"{type} computes are not supported in a managed network");
        }
        if (ComputeMigration.AttachedComputeTypes.Contains(type))
        {
            return (ComputeVerdict.Untouched, $"attached {type} compute: not part of the managed network");
        }
        if (!ComputeMigration.MigratableComputeTypes.Contains(type))
        {
            return (ComputeVerdict.Unsupported, $"compute type {type} is not known to be supported in a managed network");
        }
        var location = compute.Properties.ComputeLocation ?? compute.Location;
        var region = WorkspaceFacts.NormalizeRegion(location);
        var home = WorkspaceFacts.NormalizeRegion(workspace.Location);
        if (type == ComputeMigration.ComputeClusterType && !ComputeMigration.CrossRegionClusterSupported &&
            region is not null && home is not null && region != home)
        {
            return (ComputeVerdict.Unsupported, $"cluster in {location}, not the workspace's region {workspace.Location}");
        }
        return (ComputeVerdict.Migrate, "");
    }

    private static bool IsUnsupportedEndpointCompute(string? type) =>
        type is not null &&
        ComputeMigration.UnsupportedEndpointComputeTypes.Any(t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase));

    private static string? Text(IReadOnlyDictionary<string, JsonElement>? props, string key) =>
        props is not null && props.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String &&
        value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static bool HasSubnet(IReadOnlyDictionary<string, JsonElement>? props) =>
        props is not null && props.TryGetValue("subnet", out var subnet) && subnet.ValueKind == JsonValueKind.Object &&
        subnet.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 };
}
