using System.Text.Json.Nodes;
using Mnet.Core.Resources;
using Mnet.Emulator.Network;
using Mnet.Emulator.State;
using B = Mnet.Emulator.Scenarios.ScenarioBuilder;

namespace Mnet.Emulator.Scenarios;

/// <summary>
/// The demo's customer-VNet workspace (issue 21): ws-custom-vnet in rg-ml-vnet, no managed network, secured the way
/// seeds 002/004 describe (approved private endpoints to the workspace, storage, key vault and Premium registry in
/// its VNet, public access off, computes in a subnet) but for exactly two things the posture audit finds: compute
/// instance ci-data has a public IP, and no image build compute is set although the registry is behind the VNet.
/// It also has a private endpoint to the shared AI Search, which becomes an outbound rule when it moves.
/// </summary>
public static class DemoCustomVnet
{
    public const string ResourceGroup = "rg-ml-vnet";
    public const string Location = "eastus";
    public const string VnetName = "vnet-ml-eastus";

    private const string S1 = DemoScenario.Subscription1;

    public static void Seed(EmulatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.AddResourceGroup(S1, ResourceGroup, Location, new() { ["env"] = "prod", ["network"] = "customer-vnet" });
        var vnet = NetworkSeed.VirtualNetwork(state, S1, ResourceGroup, VnetName, Location, "10.40.0.0/16",
            ("snet-training", "10.40.1.0/24"), ("snet-endpoints", "10.40.2.0/24"));
        var training = $"{vnet}/subnets/snet-training";
        var endpoints = $"{vnet}/subnets/snet-endpoints";

        var storage = B.Resource(state, S1, ResourceGroup, "Microsoft.Storage/storageAccounts", "stmlvnet", Location,
            Obj("""
                {"publicNetworkAccess":"Disabled","minimumTlsVersion":"TLS1_2","isHnsEnabled":false,
                 "networkAcls":{"bypass":"AzureServices","virtualNetworkRules":[],"ipRules":[],"defaultAction":"Deny"}}
                """),
            "StorageV2", Obj("""{"name":"Standard_LRS","tier":"Standard"}"""));
        var keyVault = B.Resource(state, S1, ResourceGroup, "Microsoft.KeyVault/vaults", "kv-ml-vnet", Location,
            new JsonObject
            {
                ["publicNetworkAccess"] = "Disabled", ["tenantId"] = EmulatorState.DefaultTenantId, ["enableRbacAuthorization"] = true,
                ["sku"] = Obj("""{"family":"A","name":"standard"}"""),
                ["networkAcls"] = Obj("""{"bypass":"AzureServices","defaultAction":"Deny","ipRules":[],"virtualNetworkRules":[]}"""),
            });
        var registry = B.Resource(state, S1, ResourceGroup, "Microsoft.ContainerRegistry/registries", "crmlvnet", Location,
            Obj("""{"publicNetworkAccess":"Disabled","adminUserEnabled":false,"networkRuleBypassOptions":"AzureServices"}"""),
            sku: Obj("""{"name":"Premium","tier":"Premium"}"""));
        var insights = B.Resource(state, S1, ResourceGroup, "Microsoft.Insights/components", "appi-ml-vnet", Location,
            Obj("""{"publicNetworkAccessForIngestion":"Enabled","publicNetworkAccessForQuery":"Enabled","Application_Type":"web"}"""), "web");

        var ws = B.Workspace(state, new WorkspaceSeed
        {
            SubscriptionId = S1, ResourceGroup = ResourceGroup, Name = "ws-custom-vnet", Location = Location,
            Mode = IsolationMode.Disabled, PublicNetworkAccess = "Disabled",
            StorageAccount = storage, KeyVault = keyVault, ContainerRegistry = registry, ApplicationInsights = insights,
            Tags = new() { ["owner"] = "ml-platform", ["network"] = "customer-vnet" },
            Description = "Training on the customer's own VNet (before managed networks)",
        });
        B.Compute(ws, "cpu-cluster", Obj($$"""
            {"properties":{"computeType":"AmlCompute","description":"Training cluster in the customer VNet","properties":{
              "vmSize":"STANDARD_DS3_V2","vmPriority":"Dedicated","osType":"Linux",
              "scaleSettings":{"minNodeCount":0,"maxNodeCount":4,"nodeIdleTimeBeforeScaleDown":"PT120S"},
              "subnet":{"id":"{{training}}"},"enableNodePublicIp":false,"remoteLoginPortPublicAccess":"Disabled","isolatedNetwork":false} } }
            """));
        // The one compute left with a public IP: the audit's first finding.
        B.Compute(ws, "ci-data", Obj($$"""
            {"properties":{"computeType":"ComputeInstance","properties":{
              "vmSize":"STANDARD_DS11_V2","applicationSharingPolicy":"Personal","subnet":{"id":"{{training}}"},"enableNodePublicIp":true,
              "personalComputeInstanceSettings":{"assignedUser":{"objectId":"{{DemoScenario.Alice}}","tenantId":"{{EmulatorState.DefaultTenantId}}"} } } } }
            """), "Running");

        NetworkSeed.PrivateEndpoint(state, S1, ResourceGroup, "pe-ws-custom-vnet", Location, endpoints, ws.Id, "amlworkspace");
        NetworkSeed.PrivateEndpoint(state, S1, ResourceGroup, "pe-stmlvnet-blob", Location, endpoints, storage, "blob");
        NetworkSeed.PrivateEndpoint(state, S1, ResourceGroup, "pe-stmlvnet-file", Location, endpoints, storage, "file");
        NetworkSeed.PrivateEndpoint(state, S1, ResourceGroup, "pe-kv-ml-vnet", Location, endpoints, keyVault, "vault");
        NetworkSeed.PrivateEndpoint(state, S1, ResourceGroup, "pe-crmlvnet", Location, endpoints, registry, "registry");
        NetworkSeed.PrivateEndpoint(state, S1, ResourceGroup, "pe-srch-contoso", Location, endpoints, DemoShared.Search, "searchService");
    }

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();
}
