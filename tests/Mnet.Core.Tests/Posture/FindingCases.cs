using System.Text.Json.Nodes;
using Mnet.Core.Posture;
using static Mnet.Core.Tests.Posture.PostureFixture;

namespace Mnet.Core.Tests.Posture;

/// <summary>For every finding code, one change of the compliant fixture that must make it appear.</summary>
public static class FindingCases
{
    public static IReadOnlyDictionary<string, Action<PostureFixture>> Make { get; } = new Dictionary<string, Action<PostureFixture>>
    {
        [PostureCodes.WorkspacePrivateEndpointMissing] = f => f.RemoveEndpoint("pe-ws1"),
        [PostureCodes.WorkspacePrivateEndpointNotApproved] = f =>
        {
            f.WorkspaceProperties["privateEndpointConnections"]![0]!["properties"]!["privateLinkServiceConnectionState"]!["status"] = "Pending";
            f.Endpoints[Pe("pe-ws1")] = Endpoint("pe-ws1", EndpointSubnet, WorkspaceId, "amlworkspace", "Pending");
        },
        [PostureCodes.WorkspacePublicNetworkAccess] = f => f.WorkspaceProperties["publicNetworkAccess"] = "Enabled",
        [PostureCodes.WorkspaceIpAllowList] = f =>
        {
            f.WorkspaceProperties["publicNetworkAccess"] = "Enabled";
            f.WorkspaceProperties["networkAcls"] = Obj("""{"defaultAction":"Deny","ipRules":[{"value":"203.0.113.0/24"}]}""");
        },
        [PostureCodes.DependencyNotRead] = f => f.Dependencies.Remove(KeyVaultId),
        [PostureCodes.StorageNotIsolated] = f => Expose(f, StorageId, "pe-st-blob"),
        [PostureCodes.KeyVaultNotIsolated] = f => Expose(f, KeyVaultId, "pe-kv"),
        [PostureCodes.ContainerRegistryNotIsolated] = f => Expose(f, RegistryId, "pe-cr"),
        [PostureCodes.ContainerRegistryNotPremium] = f => f.Dependencies[RegistryId]["sku"] = Obj("""{"name":"Standard","tier":"Standard"}"""),
        [PostureCodes.StoragePrivateEndpointOutsideVnet] = f =>
            f.Endpoints[Pe("pe-st-blob")] = Endpoint("pe-st-blob", OtherVnetSubnet, StorageId, "blob"),
        [PostureCodes.KeyVaultPrivateEndpointOutsideVnet] = f =>
            f.Endpoints[Pe("pe-kv")] = Endpoint("pe-kv", OtherVnetSubnet, KeyVaultId, "vault"),
        [PostureCodes.ContainerRegistryPrivateEndpointOutsideVnet] = f =>
            f.Endpoints[Pe("pe-cr")] = Endpoint("pe-cr", OtherVnetSubnet, RegistryId, "registry"),
        [PostureCodes.ComputeNotInVnet] = f => f.Computes["gpu"] = Compute("gpu", "AmlCompute", null, publicIp: false),
        [PostureCodes.ComputeSubnetNotFound] = f =>
            f.Computes["gpu"] = Compute("gpu", "AmlCompute", $"{Rg}/providers/Microsoft.Network/virtualNetworks/gone/subnets/default", publicIp: false),
        [PostureCodes.ComputeSubnetOtherSubscription] = f =>
        {
            var foreign = $"/subscriptions/{OtherSub}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-x";
            f.Networks[foreign] = Obj($$"""{"id":"{{foreign}}","name":"vnet-x","location":"eastus","properties":{"subnets":[{"name":"default"}]} }""");
            f.Computes["gpu"] = Compute("gpu", "AmlCompute", $"{foreign}/subnets/default", publicIp: false);
        },
        [PostureCodes.ComputeInstanceOtherRegion] = f =>
        {
            f.Networks[OtherVnetId]["location"] = "westus";
            f.Computes["ci-west"] = Compute("ci-west", "ComputeInstance", OtherVnetSubnet, publicIp: false);
        },
        [PostureCodes.ComputeClusterOtherRegion] = f =>
        {
            f.Networks[OtherVnetId]["location"] = "westus";
            f.Computes["cluster-west"] = Compute("cluster-west", "AmlCompute", OtherVnetSubnet, publicIp: false);
        },
        [PostureCodes.ComputePublicIp] = f => f.Computes["ci-alice"] = Compute("ci-alice", "ComputeInstance", TrainingSubnet, publicIp: true),
        [PostureCodes.ImageBuildComputeMissing] = f => f.WorkspaceProperties.Remove("imageBuildCompute"),
        [PostureCodes.ImageBuildComputeInvalid] = f => f.WorkspaceProperties["imageBuildCompute"] = "no-such-cluster",
        [PostureCodes.ApplicationInsightsPrivateLink] = f => f.PropertiesOf(InsightsId)["PrivateLinkScopedResources"] =
            JsonNode.Parse($$"""[{"ResourceId":"{{ScopeId}}/scopedResources/appi-ws1","ScopeId":"6a1b3a2e-0000-4000-8000-000000000001"}]"""),
        [PostureCodes.AzureMonitorPrivateOnlyMode] = f =>
        {
            f.PropertiesOf(InsightsId)["PrivateLinkScopedResources"] =
                JsonNode.Parse($$"""[{"ResourceId":"{{ScopeId}}/scopedResources/appi-ws1","ScopeId":"6a1b3a2e-0000-4000-8000-000000000001"}]""");
            f.Dependencies[ScopeId] = Obj($$"""
                {"id":"{{ScopeId}}","name":"ampls-ws1","type":"microsoft.insights/privateLinkScopes","location":"global",
                 "properties":{"accessModeSettings":{"queryAccessMode":"PrivateOnly","ingestionAccessMode":"Open"} } }
                """);
        },
    };

    /// <summary>Findings a case's change also causes, by nature (a PrivateOnly scope is a scope the insights are in).</summary>
    public static IReadOnlyList<string> Companions(string code) =>
        code == PostureCodes.AzureMonitorPrivateOnlyMode ? [PostureCodes.ApplicationInsightsPrivateLink] : [];

    /// <summary>Public access on, no private endpoint, no firewall: the resource is reachable from the internet.</summary>
    public static void Expose(PostureFixture f, string id, string endpoint)
    {
        f.RemoveEndpoint(endpoint);
        var props = f.PropertiesOf(id);
        props["publicNetworkAccess"] = "Enabled";
        props.Remove("networkAcls");
        props.Remove("networkRuleSet");
    }

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var code in Make.Keys) data.Add(code);
        return data;
    }
}
