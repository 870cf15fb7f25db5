namespace Mnet.Arm.Errors;

/// <summary>"workspace ws1", "compute cpu-cluster": a resource named for people, from its id's last type/name pair.</summary>
public static class ResourceDescription
{
    private static readonly Dictionary<string, string> KindByType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["workspaces"] = "workspace",
        ["outboundrules"] = "outbound rule",
        ["computes"] = "compute",
        ["onlineendpoints"] = "online endpoint",
        ["deployments"] = "deployment",
        ["roleassignments"] = "role assignment",
        ["roledefinitions"] = "role definition",
        ["storageaccounts"] = "storage account",
        ["vaults"] = "key vault",
        ["registries"] = "container registry",
        ["components"] = "application insights",
        ["resourcegroups"] = "resource group",
        ["subscriptions"] = "subscription",
        ["locks"] = "lock",
        ["microsoft.resourcegraph"] = "Resource Graph",
    };

    public static string Describe(string? resourceId)
    {
        if (string.IsNullOrEmpty(resourceId)) return "request";
        var parts = resourceId.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return resourceId;
        var name = parts[^1];
        if (parts.Length == 1) return name;
        var type = parts[^2];
        var kind = KindByType.TryGetValue(type, out var known)
            ? known
            : type.EndsWith('s') ? type[..^1] : type;
        return $"{kind} {name}";
    }
}
