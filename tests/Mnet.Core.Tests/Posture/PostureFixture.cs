using System.Text.Json.Nodes;
using Mnet.Core.Posture;
using Mnet.Core.Posture.Inputs;
using Mnet.Core.Resources;

namespace Mnet.Core.Tests.Posture;

/// <summary>
/// A compliant customer-VNet workspace as ARM JSON (workspace, storage, key vault, Premium registry, Application
/// Insights, one VNet with a training and an endpoint subnet, approved private endpoints, a cluster and an instance
/// without public IPs, an image build compute). Tests change the JSON, then <see cref="Input"/> reads it the way a
/// reader deserializes ARM answers.
/// </summary>
public sealed class PostureFixture
{
    public const string Sub = "00000000-0000-0000-0000-00000000000a";
    public const string OtherSub = "00000000-0000-0000-0000-00000000000b";
    public const string Rg = $"/subscriptions/{Sub}/resourceGroups/rg-ml";
    public const string WorkspaceId = $"{Rg}/providers/Microsoft.MachineLearningServices/workspaces/ws1";
    public const string StorageId = $"{Rg}/providers/Microsoft.Storage/storageAccounts/stws1";
    public const string KeyVaultId = $"{Rg}/providers/Microsoft.KeyVault/vaults/kv-ws1";
    public const string RegistryId = $"{Rg}/providers/Microsoft.ContainerRegistry/registries/crws1";
    public const string InsightsId = $"{Rg}/providers/Microsoft.Insights/components/appi-ws1";
    public const string ScopeId = $"{Rg}/providers/Microsoft.Insights/privateLinkScopes/ampls-ws1";
    public const string VnetId = $"{Rg}/providers/Microsoft.Network/virtualNetworks/vnet-ml";
    public const string OtherVnetId = $"{Rg}/providers/Microsoft.Network/virtualNetworks/vnet-hub";
    public const string TrainingSubnet = $"{VnetId}/subnets/snet-training";
    public const string EndpointSubnet = $"{VnetId}/subnets/snet-pe";
    public const string OtherVnetSubnet = $"{OtherVnetId}/subnets/snet-shared";

    public JsonObject Workspace { get; } = Obj($$"""
        {"id":"{{WorkspaceId}}","name":"ws1","type":"Microsoft.MachineLearningServices/workspaces","location":"eastus","kind":"Default",
         "properties":{"publicNetworkAccess":"Disabled","storageAccount":"{{StorageId}}","keyVault":"{{KeyVaultId}}",
           "containerRegistry":"{{RegistryId}}","applicationInsights":"{{InsightsId}}","imageBuildCompute":"cpu-build",
           "managedNetwork":{"isolationMode":"Disabled"},
           "privateEndpointConnections":[{"id":"{{WorkspaceId}}/privateEndpointConnections/pe-ws1.conn","name":"pe-ws1.conn",
             "properties":{"privateEndpoint":{"id":"{{Pe("pe-ws1")}}"},"privateLinkServiceConnectionState":{"status":"Approved","description":"Auto-Approved","actionsRequired":"None"},"provisioningState":"Succeeded"} }]} }
        """);

    public Dictionary<string, JsonObject> Dependencies { get; } = new()
    {
        [StorageId] = Obj($$"""
            {"id":"{{StorageId}}","name":"stws1","type":"Microsoft.Storage/storageAccounts","location":"eastus","kind":"StorageV2","sku":{"name":"Standard_LRS"},
             "properties":{"publicNetworkAccess":"Disabled","networkAcls":{"bypass":"AzureServices","virtualNetworkRules":[],"ipRules":[],"defaultAction":"Deny"},
               "privateEndpointConnections":[{"id":"{{StorageId}}/privateEndpointConnections/pe-st-blob.conn","name":"pe-st-blob.conn",
                 "properties":{"privateEndpoint":{"id":"{{Pe("pe-st-blob")}}"},"privateLinkServiceConnectionState":{"status":"Approved","actionRequired":"None"} } }]} }
            """),
        [KeyVaultId] = Obj($$"""
            {"id":"{{KeyVaultId}}","name":"kv-ws1","type":"Microsoft.KeyVault/vaults","location":"eastus",
             "properties":{"publicNetworkAccess":"disabled","networkAcls":{"bypass":"AzureServices","defaultAction":"Deny"} } }
            """),
        [RegistryId] = Obj($$"""
            {"id":"{{RegistryId}}","name":"crws1","type":"Microsoft.ContainerRegistry/registries","location":"eastus","sku":{"name":"Premium","tier":"Premium"},
             "properties":{"publicNetworkAccess":"Disabled","networkRuleBypassOptions":"AzureServices","networkRuleSet":{"defaultAction":"Allow","ipRules":[]} } }
            """),
        [InsightsId] = Obj($$"""
            {"id":"{{InsightsId}}","name":"appi-ws1","type":"Microsoft.Insights/components","location":"eastus","kind":"web",
             "properties":{"Application_Type":"web","publicNetworkAccessForIngestion":"Enabled","publicNetworkAccessForQuery":"Enabled"} }
            """),
    };

    public Dictionary<string, JsonObject> Networks { get; } = new()
    {
        [VnetId] = Obj($$"""
            {"id":"{{VnetId}}","name":"vnet-ml","type":"Microsoft.Network/virtualNetworks","location":"eastus",
             "properties":{"addressSpace":{"addressPrefixes":["10.20.0.0/16"]},
               "subnets":[{"id":"{{TrainingSubnet}}","name":"snet-training","properties":{"addressPrefix":"10.20.1.0/24"} },
                          {"id":"{{EndpointSubnet}}","name":"snet-pe","properties":{"addressPrefix":"10.20.2.0/24"} }],
               "virtualNetworkPeerings":[]} }
            """),
        [OtherVnetId] = Obj($$"""
            {"id":"{{OtherVnetId}}","name":"vnet-hub","type":"Microsoft.Network/virtualNetworks","location":"eastus",
             "properties":{"addressSpace":{"addressPrefixes":["10.30.0.0/16"]},
               "subnets":[{"id":"{{OtherVnetSubnet}}","name":"snet-shared","properties":{"addressPrefix":"10.30.1.0/24"} }],
               "virtualNetworkPeerings":[]} }
            """),
    };

    public Dictionary<string, JsonObject> Endpoints { get; } = new()
    {
        [Pe("pe-ws1")] = Endpoint("pe-ws1", EndpointSubnet, WorkspaceId, "amlworkspace"),
        [Pe("pe-st-blob")] = Endpoint("pe-st-blob", EndpointSubnet, StorageId, "blob"),
        [Pe("pe-kv")] = Endpoint("pe-kv", EndpointSubnet, KeyVaultId, "vault"),
        [Pe("pe-cr")] = Endpoint("pe-cr", EndpointSubnet, RegistryId, "registry"),
    };

    public Dictionary<string, JsonObject> Computes { get; } = new()
    {
        ["cpu-build"] = Compute("cpu-build", "AmlCompute", TrainingSubnet, publicIp: false),
        ["ci-alice"] = Compute("ci-alice", "ComputeInstance", TrainingSubnet, publicIp: false),
    };

    public List<JsonObject> OnlineEndpoints { get; } = [];

    public static string Pe(string name) => $"{Rg}/providers/Microsoft.Network/privateEndpoints/{name}";

    public static JsonObject Endpoint(string name, string subnetId, string targetId, string groupId, string status = "Approved") =>
        Obj($$"""
            {"id":"{{Pe(name)}}","name":"{{name}}","type":"Microsoft.Network/privateEndpoints","location":"eastus",
             "properties":{"subnet":{"id":"{{subnetId}}"},"privateLinkServiceConnections":[{"id":"{{Pe(name)}}/privateLinkServiceConnections/{{name}}","name":"{{name}}",
               "properties":{"privateLinkServiceId":"{{targetId}}","groupIds":["{{groupId}}"],
                 "privateLinkServiceConnectionState":{"status":"{{status}}","description":"","actionsRequired":"None"} } }],
               "manualPrivateLinkServiceConnections":[]} }
            """);

    /// <summary>A compute; <paramref name="publicIp"/> null leaves enableNodePublicIp out.</summary>
    public static JsonObject Compute(string name, string type, string? subnetId, bool? publicIp)
    {
        var props = new JsonObject { ["vmSize"] = "STANDARD_DS3_V2" };
        if (subnetId is not null) props["subnet"] = new JsonObject { ["id"] = subnetId };
        if (publicIp is { } value) props["enableNodePublicIp"] = value;
        return new JsonObject
        {
            ["id"] = $"{WorkspaceId}/computes/{name}",
            ["name"] = name,
            ["type"] = "Microsoft.MachineLearningServices/workspaces/computes",
            ["location"] = "eastus",
            ["properties"] = new JsonObject { ["computeType"] = type, ["properties"] = props },
        };
    }

    /// <summary>The workspace's properties.</summary>
    public JsonObject WorkspaceProperties => Workspace["properties"]!.AsObject();

    /// <summary>A dependency's properties.</summary>
    public JsonObject PropertiesOf(string id) => Dependencies[id]["properties"]!.AsObject();

    /// <summary>Removes a private endpoint and the connection its target shows.</summary>
    public void RemoveEndpoint(string name)
    {
        Endpoints.Remove(Pe(name));
        foreach (var owner in Dependencies.Values.Select(d => d["properties"]!.AsObject()).Append(WorkspaceProperties))
        {
            if (owner["privateEndpointConnections"] is JsonArray list)
            {
                foreach (var c in list.Where(c => c!["properties"]!["privateEndpoint"]!["id"]!.GetValue<string>() == Pe(name)).ToList())
                {
                    list.Remove(c);
                }
            }
        }
    }

    /// <summary>Peers two VNets (a peering on each side, in the given state).</summary>
    public void Peer(string a, string b, string state = "Connected")
    {
        foreach (var (from, to) in new[] { (a, b), (b, a) })
        {
            Networks[from]["properties"]!["virtualNetworkPeerings"]!.AsArray().Add(Obj($$"""
                {"id":"{{from}}/virtualNetworkPeerings/to-{{to.Split('/')[^1]}}","name":"to-{{to.Split('/')[^1]}}",
                 "properties":{"remoteVirtualNetwork":{"id":"{{to}}"},"peeringState":"{{state}}","allowVirtualNetworkAccess":true} }
                """));
        }
    }

    public PostureInput Input() => new()
    {
        Workspace = ArmJson.Deserialize<Workspace>(Workspace.ToJsonString()),
        Dependencies = [.. Dependencies.Values.Select(d => ArmJson.Deserialize<DependencyResource>(d.ToJsonString()))],
        PrivateEndpoints = [.. Endpoints.Values.Select(e => ArmJson.Deserialize<PrivateEndpoint>(e.ToJsonString()))],
        VirtualNetworks = [.. Networks.Values.Select(n => ArmJson.Deserialize<VirtualNetwork>(n.ToJsonString()))],
        Computes = [.. Computes.Values.Select(c => ArmJson.Deserialize<ComputeResource>(c.ToJsonString()))],
        OnlineEndpoints = [.. OnlineEndpoints.Select(e => ArmJson.Deserialize<OnlineEndpoint>(e.ToJsonString()))],
    };

    public PostureReport Audit(PostureOptions? options = null) => PostureAuditor.Audit(Input(), options);

    /// <summary>The codes of the findings, in report order.</summary>
    public IReadOnlyList<string> Codes(PostureOptions? options = null) => [.. Audit(options).Findings.Select(f => f.Code)];

    public static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();
}
