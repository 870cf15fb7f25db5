using System.Text.Json.Nodes;
using Mnet.Core.Catalog;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ml.Model;

namespace Mnet.Emulator.Ml.Computes;

/// <summary>
/// Computes as GET returns them: the body as written plus the service's fields. Compute instances carry the
/// read-only fields of the 2025-09-01 example (state, sshSettings with adminUserName, osImageMetadata, createdBy,
/// connectivityEndpoints, applications, <c>errors: null</c>), clusters their node counts. A client must drop these
/// before a recreate (arm-contract.md); the emulator refuses them on PUT.
/// </summary>
public static class ComputeView
{
    /// <summary>Read-only fields inside properties.properties.</summary>
    public static IReadOnlyList<string> ReadOnlyFields { get; } =
    [
        "state", "connectivityEndpoints", "applications", "errors", "currentNodeCount", "targetNodeCount",
        "allocationState", "allocationStateTransitionTime", "nodeStateCounts", "lastOperation", "createdBy",
        "osImageMetadata", "versions",
    ];

    public static JsonObject Of(ComputeRecord c, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(c);
        var view = c.Body.CloneObject();
        view["id"] = c.Id;
        view["name"] = c.Name;
        view["type"] = MlTypes.Compute;
        view["tags"] ??= new JsonObject();
        var props = view.Child("properties");
        props["provisioningState"] = c.ProvisioningState;
        props["createdOn"] = MlRequests.Iso(c.CreatedOn);
        props["modifiedOn"] = MlRequests.Iso(c.ModifiedOn);
        props["provisioningErrors"] = c.ProvisioningErrors?.DeepClone();
        // Azure ML's own computes (clusters, instances) are not attached; every other type is.
        props["isAttachedCompute"] = !ComputeMigration.MigratableComputeTypes.Contains(c.ComputeType);
        props["disableLocalAuth"] ??= true;
        var typeProps = props.Child("properties");
        foreach (var (k, v) in ReadOnly(c, tenantId))
        {
            typeProps[k] = v?.DeepClone();
        }

        return view;
    }

    private static JsonObject ReadOnly(ComputeRecord c, string tenantId)
    {
        var iso = MlRequests.Iso(c.ModifiedOn);
        if (c.ComputeType == ComputeMigration.ComputeClusterType)
        {
            var min = (int)(c.TypeProperties.Obj("scaleSettings").Num("minNodeCount") ?? 0);
            return new JsonObject
            {
                ["currentNodeCount"] = c.ProvisioningState == "Succeeded" ? min : 0,
                ["targetNodeCount"] = min,
                ["allocationState"] = "Steady",
                ["allocationStateTransitionTime"] = iso,
                ["errors"] = null,
                ["nodeStateCounts"] = new JsonObject
                {
                    ["idleNodeCount"] = min, ["runningNodeCount"] = 0, ["preparingNodeCount"] = 0,
                    ["unusableNodeCount"] = 0, ["leavingNodeCount"] = 0, ["preemptedNodeCount"] = 0,
                },
            };
        }

        if (c.ComputeType != "ComputeInstance")
        {
            return [];
        }

        var ssh = c.TypeProperties.Obj("sshSettings").CloneObject();
        ssh["sshPublicAccess"] ??= "Disabled";
        ssh["adminUserName"] ??= "azureuser";
        if (ssh.Str("sshPublicAccess") == "Enabled")
        {
            ssh["sshPort"] = 22;
        }

        return new JsonObject
        {
            ["state"] = c.InstanceState ?? "Running",
            ["sshSettings"] = ssh,
            ["connectivityEndpoints"] = new JsonObject { ["publicIpAddress"] = null, ["privateIpAddress"] = "10.0.0.4" },
            ["applications"] = new JsonArray(
                new JsonObject { ["displayName"] = "Jupyter", ["endpointUri"] = $"https://{c.Name}.{c.Location}.instances.azureml.ms" },
                new JsonObject { ["displayName"] = "Jupyter Lab", ["endpointUri"] = $"https://{c.Name}.{c.Location}.instances.azureml.ms/lab" }),
            ["errors"] = null,
            ["lastOperation"] = new JsonObject
            {
                ["operationName"] = "Create", ["operationStatus"] = "Succeeded", ["operationTime"] = iso, ["operationTrigger"] = "User",
            },
            ["osImageMetadata"] = new JsonObject
            {
                ["currentImageVersion"] = "25.01.01", ["latestImageVersion"] = "25.01.01", ["isLatestOsImageVersion"] = true,
            },
            ["createdBy"] = new JsonObject
            {
                ["userName"] = "emulator-user@contoso.com",
                ["userOrgId"] = tenantId,
                ["userId"] = c.CreatedByUserId,
            },
        };
    }
}
