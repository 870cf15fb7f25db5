using System.Text.Json.Nodes;
using Mnet.Core.Resources;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ids;
using Mnet.Emulator.Ml.Model;
using Mnet.Emulator.Randomness;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Scenarios;

/// <summary>Direct (non-HTTP) builders the scenarios seed with; cheap enough for scale:10000.</summary>
public static class ScenarioBuilder
{
    public static WorkspaceRecord Workspace(EmulatorState state, WorkspaceSeed s)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(s);
        var id = ResourceId.WorkspaceId(s.SubscriptionId, s.ResourceGroup, s.Name);
        var properties = new JsonObject { ["friendlyName"] = s.Name, ["publicNetworkAccess"] = s.PublicNetworkAccess };
        void Set(string key, string? value)
        {
            if (value is not null)
            {
                properties[key] = value;
            }
        }

        Set("storageAccount", s.StorageAccount);
        Set("keyVault", s.KeyVault);
        Set("containerRegistry", s.ContainerRegistry);
        Set("applicationInsights", s.ApplicationInsights);
        Set("hubResourceId", s.HubResourceId);
        Set("description", s.Description);
        var created = state.Now.AddDays(-90);
        var ws = new WorkspaceRecord(id, s.Name, s.SubscriptionId, s.ResourceGroup, s.Location)
        {
            Kind = s.Kind,
            Tags = s.Tags.DeepClone().AsObject(),
            Properties = properties,
            ManagedNetwork = new ManagedNetworkRecord(DerivedGuid.From($"network:{id.ToLowerInvariant()}"))
            {
                IsolationMode = s.Mode,
                Status = s.Active && s.Mode != IsolationMode.Disabled ? "Active" : "Inactive",
                SparkReady = s.SparkReady,
            },
            ProvisioningState = "Succeeded",
            Etag = state.NewEtag(),
            WorkspaceGuid = DerivedGuid.From($"workspace:{id.ToLowerInvariant()}"),
            CreatedAt = created,
            ModifiedAt = created,
        };
        var types = new List<string>();
        if (s.SystemAssigned)
        {
            types.Add("SystemAssigned");
        }

        if (s.UserAssigned.Count > 0)
        {
            types.Add("UserAssigned");
        }

        if (types.Count > 0)
        {
            var uais = new JsonObject();
            foreach (var u in s.UserAssigned)
            {
                uais[u] = new JsonObject();
            }

            var input = new JsonObject { ["type"] = string.Join(',', types) };
            if (uais.Count > 0)
            {
                input["userAssignedIdentities"] = uais;
            }

            ws.Identity = IdentityMaterializer.Materialize(input, id, state.TenantOf(s.SubscriptionId) ?? string.Empty, null);
        }

        state.Workspaces[ScopePath.Key(id)] = ws;
        return ws;
    }

    /// <summary>A user rule as if written and applied; FQDN rules on an Active network mark the firewall provisioned.</summary>
    public static void Rule(WorkspaceRecord ws, string name, JsonObject rule)
    {
        ArgumentNullException.ThrowIfNull(ws);
        ws.UserRules[name] = new UserRuleRecord(name, rule);
        if (rule["type"]?.GetValue<string>() == OutboundRuleTypes.Fqdn && ws.ManagedNetwork.IsActive)
        {
            ws.ManagedNetwork.FirewallProvisioned = true;
        }
    }

    public static JsonObject FqdnRule(string destination) => new() { ["type"] = OutboundRuleTypes.Fqdn, ["destination"] = destination };

    public static JsonObject PrivateEndpointRule(string target, string subresource) => new()
    {
        ["type"] = OutboundRuleTypes.PrivateEndpoint,
        ["destination"] = new JsonObject { ["serviceResourceId"] = target, ["subresourceTarget"] = subresource, ["sparkEnabled"] = false },
    };

    /// <summary>A compute as if created: <paramref name="body"/> is <c>{properties: {computeType, properties}, ...}</c>.</summary>
    public static ComputeRecord Compute(WorkspaceRecord ws, string name, JsonObject body, string? instanceState = null)
    {
        ArgumentNullException.ThrowIfNull(ws);
        ArgumentNullException.ThrowIfNull(body);
        body["location"] ??= ws.Location;
        var props = body.Child("properties");
        props["computeLocation"] ??= body["location"]!.GetValue<string>();
        var c = new ComputeRecord($"{ws.Id}/computes/{name}", name, body)
        {
            ProvisioningState = "Succeeded",
            InstanceState = instanceState,
            CreatedOn = ws.CreatedAt,
            ModifiedOn = ws.CreatedAt,
            CreatedByUserId = DerivedGuid.From($"user:{ws.SubscriptionId.ToLowerInvariant()}"),
        };
        ws.Computes[name] = c;
        return c;
    }

    public static EndpointRecord Endpoint(WorkspaceRecord ws, string name, JsonObject properties,
        IReadOnlyList<(string Name, JsonObject Sku, JsonObject Properties)> deployments)
    {
        ArgumentNullException.ThrowIfNull(ws);
        ArgumentNullException.ThrowIfNull(deployments);
        var id = $"{ws.Id}/onlineEndpoints/{name}";
        var body = new JsonObject
        {
            ["location"] = ws.Location,
            ["kind"] = "Managed",
            ["tags"] = new JsonObject(),
            ["identity"] = new JsonObject
            {
                ["type"] = "SystemAssigned",
                ["principalId"] = DerivedGuid.From($"ep:{ws.Id}:{name}"),
                ["tenantId"] = ws.Identity?["tenantId"]?.GetValue<string>() ?? string.Empty,
            },
            ["properties"] = properties,
        };
        var ep = new EndpointRecord(id, name, body) { ProvisioningState = "Succeeded", CreatedAt = ws.CreatedAt, ModifiedAt = ws.CreatedAt };
        foreach (var (depName, sku, depProps) in deployments)
        {
            var dep = new DeploymentRecord($"{id}/deployments/{depName}", depName, new JsonObject
            {
                ["location"] = ws.Location,
                ["kind"] = "Managed",
                ["tags"] = new JsonObject(),
                ["sku"] = sku,
                ["properties"] = depProps,
            })
            {
                ProvisioningState = "Succeeded",
                CreatedAt = ws.CreatedAt,
                ModifiedAt = ws.CreatedAt,
            };
            ep.Deployments[depName] = dep;
        }

        ws.Endpoints[name] = ep;
        return ep;
    }

    public static string DependencyId(string subscriptionId, string resourceGroup, string type, string name) =>
        $"{ScopePath.ResourceGroup(subscriptionId, resourceGroup)}/providers/{type}/{name}";

    public static string Resource(EmulatorState state, string subscriptionId, string resourceGroup, string type, string name,
        string location, JsonObject properties, string? kind = null, JsonObject? sku = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var id = DependencyId(subscriptionId, resourceGroup, type, name);
        var resource = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["type"] = type,
            ["location"] = location,
            ["tags"] = new JsonObject(),
            ["properties"] = properties,
        };
        if (kind is not null)
        {
            resource["kind"] = kind;
        }

        if (sku is not null)
        {
            resource["sku"] = sku;
        }

        state.PutResource(resource);
        return id;
    }

    /// <summary>A role assignment with a deterministic GUID name (scope + principal + role), as the product creates them.</summary>
    public static void RoleAssignment(EmulatorState state, string scope, string principalId, string roleGuid,
        string principalType = "ServicePrincipal")
    {
        ArgumentNullException.ThrowIfNull(state);
        var name = DerivedGuid.From($"ra:{scope.ToLowerInvariant()}:{principalId.ToLowerInvariant()}:{roleGuid.ToLowerInvariant()}");
        var (sub, _) = ScopePath.Parts(scope);
        var now = Ml.MlRequests.Iso(state.Now);
        state.RoleAssignments.Put(new JsonObject
        {
            ["id"] = $"{scope}/providers/Microsoft.Authorization/roleAssignments/{name}",
            ["name"] = name,
            ["type"] = "Microsoft.Authorization/roleAssignments",
            ["properties"] = new JsonObject
            {
                ["scope"] = scope,
                ["roleDefinitionId"] = $"/subscriptions/{sub}/providers/Microsoft.Authorization/roleDefinitions/{roleGuid}",
                ["principalId"] = principalId,
                ["principalType"] = principalType,
                ["createdOn"] = now,
                ["updatedOn"] = now,
            },
        });
    }
}
