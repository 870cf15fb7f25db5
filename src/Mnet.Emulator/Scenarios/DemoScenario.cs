using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mnet.Core.Catalog;
using Mnet.Core.Resources;
using Mnet.Emulator.Ids;
using Mnet.Emulator.Ml.Model;
using Mnet.Emulator.State;
using B = Mnet.Emulator.Scenarios.ScenarioBuilder;

namespace Mnet.Emulator.Scenarios;

/// <summary>
/// `demo`: one tenant, two subscriptions, a workspace in every state the product meets (the TypeScript
/// scenarios/README.md describes it; the names are the same).
/// </summary>
public static partial class DemoScenario
{
    public const string Subscription1 = "00000000-0000-0000-0000-000000000001";
    public const string Subscription2 = "00000000-0000-0000-0000-000000000002";
    public const string Alice = "11111111-1111-4111-8111-111111111111";
    public const string Bob = "22222222-2222-4222-8222-222222222222";

    private const string S1 = Subscription1;
    private const string S2 = Subscription2;
    private const string Tenant = EmulatorState.DefaultTenantId;

    public static void Seed(EmulatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.AddSubscription(S1, Tenant, "Contoso ML Production");
        state.AddSubscription(S2, Tenant, "Contoso ML Research");
        // The research subscription never registered Microsoft.Network: a managed-network prerequisite fails there.
        state.SetProviderState(S2, Prerequisites.RequiredResourceProvider, "NotRegistered");
        state.AddResourceGroup(S1, "rg-ml-prod", "eastus", new() { ["env"] = "prod" });
        state.AddResourceGroup(S1, "rg-ml-shared", "eastus", new() { ["env"] = "prod" });
        state.AddResourceGroup(S1, "rg-ai-hub", "eastus", new() { ["env"] = "prod", ["team"] = "genai" });
        state.AddResourceGroup(S1, "rg-ml-locked", "westeurope", new() { ["env"] = "prod" });
        state.AddResourceGroup(S2, "rg-research", "westus2", new() { ["env"] = "research" });
        state.AddLock(ScopePath.ResourceGroup(S1, "rg-ml-locked"), "do-not-delete", "CanNotDelete", "Finance: keep the audit workspace.");

        // Shared dependencies that private endpoint rules target.
        B.Resource(state, S1, "rg-ml-shared", "Microsoft.Storage/storageAccounts", "stcontososhared", "eastus",
            Obj("""{"publicNetworkAccess":"Enabled"}"""), "StorageV2", Obj("""{"name":"Standard_GRS","tier":"Standard"}"""));
        B.Resource(state, S1, "rg-ml-shared", "Microsoft.Search/searchServices", "srch-contoso", "eastus",
            Obj("""{"publicNetworkAccess":"Disabled","replicaCount":1,"partitionCount":1}"""), sku: Obj("""{"name":"standard"}"""));
        B.Resource(state, S1, "rg-ml-shared", "Microsoft.CognitiveServices/accounts", "ais-contoso", "eastus",
            Obj("""{"publicNetworkAccess":"Enabled","customSubDomainName":"ais-contoso"}"""), "AIServices", Obj("""{"name":"S0"}"""));
        B.Resource(state, S1, "rg-ml-shared", "Microsoft.DataFactory/factories", "adf-contoso", "eastus", Obj("""{"publicNetworkAccess":"Enabled"}"""));
        B.Resource(state, S1, "rg-ml-shared", "Microsoft.ManagedIdentity/userAssignedIdentities", "id-ml-shared", "eastus", []);
        // The private endpoint targets of the example policies (examples/policy.yaml, policy-internet.yaml), so
        // `mnet demo --policy` with them can carry out what it plans.
        state.AddResourceGroup(S1, "rg-data", "eastus", new() { ["env"] = "prod" });
        state.AddResourceGroup(S2, "rg-shared", "westus2", new() { ["env"] = "research" });
        B.Resource(state, S1, "rg-data", "Microsoft.Storage/storageAccounts", "sttrainingdata", "eastus",
            Obj("""{"publicNetworkAccess":"Disabled","isHnsEnabled":true}"""), "StorageV2", Obj("""{"name":"Standard_LRS","tier":"Standard"}"""));
        B.Resource(state, S2, "rg-shared", "Microsoft.KeyVault/vaults", "kv-shared-secrets", "westus2",
            new JsonObject { ["publicNetworkAccess"] = "Disabled", ["tenantId"] = Tenant, ["enableRbacAuthorization"] = true, ["sku"] = Obj("""{"family":"A","name":"standard"}""") });
        B.Resource(state, S2, "rg-shared", "Microsoft.Storage/storageAccounts", "stshareddatastore", "westus2",
            Obj("""{"publicNetworkAccess":"Disabled"}"""), "StorageV2", Obj("""{"name":"Standard_LRS","tier":"Standard"}"""));
        var approver = ApproverRoles.BuiltIn.RoleDefinitionGuid;

        // 1. Disabled, with everything a migration must recreate.
        var legacy = B.Workspace(state, With(Dependencies(state, S1, "rg-ml-prod", "legacy", "eastus"), new WorkspaceSeed
        {
            SubscriptionId = S1, ResourceGroup = "rg-ml-prod", Name = "ws-legacy", Location = "eastus", Mode = IsolationMode.Disabled,
            UserAssigned = [DemoShared.UserAssignedIdentity], Tags = new() { ["owner"] = "ml-platform", ["costCenter"] = "4711" },
            Description = "Production training and scoring (no managed network yet)",
        }));
        Clusters(legacy);
        B.Compute(legacy, "vnet-cluster", Obj(Fill("""
            {"properties":{"computeType":"AmlCompute","description":"Cluster in the customer VNet","properties":{
              "vmSize":"STANDARD_D4S_V3","vmPriority":"Dedicated","osType":"Linux",
              "scaleSettings":{"minNodeCount":1,"maxNodeCount":3,"nodeIdleTimeBeforeScaleDown":"PT300S"},
              "subnet":{"id":"/subscriptions/@S1@/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-ml/subnets/snet-training"},
              "enableNodePublicIp":false,"remoteLoginPortPublicAccess":"Disabled","isolatedNetwork":false}}}
            """)));
        B.Compute(legacy, "ci-alice", Obj(Fill("""
            {"properties":{"computeType":"ComputeInstance","properties":{
              "vmSize":"STANDARD_DS11_V2","applicationSharingPolicy":"Personal","sshSettings":{"sshPublicAccess":"Disabled"},"enableNodePublicIp":true,
              "personalComputeInstanceSettings":{"assignedUser":{"objectId":"@Alice@","tenantId":"@Tenant@"}},
              "setupScripts":{"scripts":{"creationScript":{"scriptSource":"workspaceStorage","scriptData":"Users/alice/setup.sh","timeout":"15m"}}},
              "schedules":{"computeStartStop":[{"action":"Stop","triggerType":"Cron","cron":{"expression":"0 19 * * 1-5","timeZone":"W. Europe Standard Time","startTime":"2024-06-01T00:00:00"},"status":"Enabled"}]},
              "idleTimeBeforeShutdown":"PT60M"}}}
            """)), "Running");
        B.Compute(legacy, "ci-bob", Obj(Fill("""
            {"properties":{"computeType":"ComputeInstance","properties":{
              "vmSize":"STANDARD_E4DS_V4","applicationSharingPolicy":"Personal",
              "sshSettings":{"sshPublicAccess":"Enabled","adminPublicKey":"ssh-rsa AAAAB3NzaC1yc2E bob@contoso"},"enableNodePublicIp":true,
              "personalComputeInstanceSettings":{"assignedUser":{"objectId":"@Bob@","tenantId":"@Tenant@"}},
              "setupScripts":{"scripts":{"startupScript":{"scriptSource":"inline","scriptData":"cGlwIGluc3RhbGwgLXIgcmVxdWlyZW1lbnRzLnR4dA==","scriptArguments":""}}}}}}
            """)), "Stopped");
        B.Endpoint(legacy, "credit-score",
            Obj("""{"authMode":"Key","publicNetworkAccess":"Enabled","traffic":{"blue":80,"green":20},"description":"Credit scoring API"}"""),
        [
            ("blue", Obj("""{"name":"Default","capacity":2}"""), Obj("""{"endpointComputeType":"Managed","model":"azureml:credit-model:3","environmentId":"azureml:sklearn-env:7","instanceType":"Standard_DS3_v2","scaleSettings":{"scaleType":"Default"},"appInsightsEnabled":true}""")),
            ("green", Obj("""{"name":"Default","capacity":1}"""), Obj("""{"endpointComputeType":"Managed","model":"azureml:credit-model:4","environmentId":"azureml:sklearn-env:8","instanceType":"Standard_DS3_v2","scaleSettings":{"scaleType":"Default"},"appInsightsEnabled":true}""")),
        ]);

        // 2. Internet outbound, provisioned; storage has public access disabled -> Required PE rules to it.
        var internet = B.Workspace(state, With(Dependencies(state, S1, "rg-ml-prod", "internet", "eastus", storage: "Disabled"), new WorkspaceSeed
        {
            SubscriptionId = S1, ResourceGroup = "rg-ml-prod", Name = "ws-internet", Location = "eastus",
            Mode = IsolationMode.AllowInternetOutbound, Active = true, Tags = new() { ["owner"] = "data-science" },
        }));
        B.Rule(internet, "pe-shared-blob", B.PrivateEndpointRule(DemoShared.Storage, "blob"));
        B.RoleAssignment(state, DemoShared.Storage, Principal(internet), approver);
        B.Compute(internet, "train-cluster", Obj("""
            {"properties":{"computeType":"AmlCompute","properties":{"vmSize":"STANDARD_DS3_V2","vmPriority":"Dedicated","osType":"Linux",
              "scaleSettings":{"minNodeCount":0,"maxNodeCount":4,"nodeIdleTimeBeforeScaleDown":"PT120S"},"enableNodePublicIp":false}}}
            """));

        // 3. Approved outbound, compliant: FQDN packages (firewall exists), a service tag, an approved PE to AI Search.
        var approved = B.Workspace(state, With(Dependencies(state, S1, "rg-ml-prod", "approved", "eastus", "Disabled", "Disabled", "Disabled"), new WorkspaceSeed
        {
            SubscriptionId = S1, ResourceGroup = "rg-ml-prod", Name = "ws-approved", Location = "eastus",
            Mode = IsolationMode.AllowOnlyApprovedOutbound, Active = true, SparkReady = true, PublicNetworkAccess = "Disabled",
            Tags = new() { ["owner"] = "ml-platform", ["isolation"] = "strict" },
        }));
        approved.ManagedNetwork.FirewallSku = "Standard";
        B.Rule(approved, "pkg-pypi-org", B.FqdnRule("pypi.org"));
        B.Rule(approved, "pkg-any-pythonhosted-org", B.FqdnRule("*.pythonhosted.org"));
        B.Rule(approved, "st-datafactory", Obj("""{"type":"ServiceTag","destination":{"serviceTag":"DataFactory","protocol":"TCP","portRanges":"443","action":"Allow"}}"""));
        B.Rule(approved, "pe-search", B.PrivateEndpointRule(DemoShared.Search, "searchService"));
        B.RoleAssignment(state, DemoShared.Search, Principal(approved), approver);

        // 4. Approved outbound, but the approver permission is missing: PE rules stay Inactive with errorInformation.
        var missing = B.Workspace(state, With(Dependencies(state, S1, "rg-ml-prod", "missing", "eastus", registry: null), new WorkspaceSeed
        {
            SubscriptionId = S1, ResourceGroup = "rg-ml-prod", Name = "ws-missing-approver", Location = "eastus",
            Mode = IsolationMode.AllowOnlyApprovedOutbound, Active = true, UserAssigned = [DemoShared.UserAssignedIdentity],
            Tags = new() { ["owner"] = "genai" },
        }));
        B.Rule(missing, "pe-aiservices", B.PrivateEndpointRule(DemoShared.AiServices, "account"));
        B.Rule(missing, "pe-datafactory", B.PrivateEndpointRule(DemoShared.DataFactory, "dataFactory"));

        // 5./6. A hub (approved outbound) and a project under it.
        var hub = B.Workspace(state, With(Dependencies(state, S1, "rg-ai-hub", "hub", "eastus", storage: "Disabled"), new WorkspaceSeed
        {
            SubscriptionId = S1, ResourceGroup = "rg-ai-hub", Name = "hub-contoso", Location = "eastus", Kind = Prerequisites.HubKind,
            Mode = IsolationMode.AllowOnlyApprovedOutbound, Active = true, UserAssigned = [DemoShared.UserAssignedIdentity],
            Tags = new() { ["team"] = "genai" },
        }));
        B.Rule(hub, "pe-hub-aiservices", B.PrivateEndpointRule(DemoShared.AiServices, "account"));
        B.RoleAssignment(state, ScopePath.ResourceGroup(S1, "rg-ml-shared"), Principal(hub), approver);
        B.Workspace(state, new WorkspaceSeed
        {
            SubscriptionId = S1, ResourceGroup = "rg-ai-hub", Name = "proj-chat", Location = "eastus", Kind = Prerequisites.ProjectKind,
            Mode = IsolationMode.AllowOnlyApprovedOutbound, HubResourceId = hub.Id, Tags = new() { ["team"] = "genai", ["app"] = "chat" },
        });

        // 7. Disabled, in a resource group with a CanNotDelete lock.
        var locked = B.Workspace(state, With(Dependencies(state, S1, "rg-ml-locked", "locked", "westeurope"), new WorkspaceSeed
        {
            SubscriptionId = S1, ResourceGroup = "rg-ml-locked", Name = "ws-locked", Location = "westeurope", Mode = IsolationMode.Disabled,
            Tags = new() { ["owner"] = "finance" },
        }));
        B.Compute(locked, "audit-cluster", Obj("""
            {"location":"westeurope","properties":{"computeType":"AmlCompute","computeLocation":"westeurope","properties":{"vmSize":"STANDARD_DS2_V2","vmPriority":"Dedicated","osType":"Linux",
              "scaleSettings":{"minNodeCount":0,"maxNodeCount":2,"nodeIdleTimeBeforeScaleDown":"PT120S"}}}}
            """));

        // 8./9. Research subscription (Microsoft.Network not registered).
        var research = B.Workspace(state, With(Dependencies(state, S2, "rg-research", "research", "westus2"), new WorkspaceSeed
        {
            SubscriptionId = S2, ResourceGroup = "rg-research", Name = "ws-research", Location = "westus2", Mode = IsolationMode.Disabled,
            Tags = new() { ["owner"] = "research" },
        }));
        B.Compute(research, "research-ci", Obj(Fill("""
            {"properties":{"computeType":"ComputeInstance","properties":{"vmSize":"STANDARD_DS11_V2","applicationSharingPolicy":"Personal",
              "personalComputeInstanceSettings":{"assignedUser":{"objectId":"@Alice@","tenantId":"@Tenant@"}}}}}
            """)), "Running");
        B.Workspace(state, With(Dependencies(state, S2, "rg-research", "researchnet", "westus2", registry: null), new WorkspaceSeed
        {
            SubscriptionId = S2, ResourceGroup = "rg-research", Name = "ws-research-net", Location = "westus2",
            Mode = IsolationMode.AllowInternetOutbound, Tags = new() { ["owner"] = "research" },
        }));

        // 10. Disabled, on the customer's own VNet: the posture audit's workspace (two findings).
        DemoCustomVnet.Seed(state);
    }

    private static void Clusters(WorkspaceRecord ws)
    {
        B.Compute(ws, "cpu-cluster", Obj("""
            {"properties":{"computeType":"AmlCompute","description":"General purpose CPU training","properties":{"vmSize":"STANDARD_DS3_V2","vmPriority":"Dedicated","osType":"Linux",
              "scaleSettings":{"minNodeCount":0,"maxNodeCount":4,"nodeIdleTimeBeforeScaleDown":"PT120S"},"enableNodePublicIp":true,"remoteLoginPortPublicAccess":"Disabled","isolatedNetwork":false}}}
            """));
        B.Compute(ws, "gpu-cluster", Obj(Fill("""
            {"identity":{"type":"SystemAssigned","principalId":"3a0c1e9e-8a4b-5c2d-a9f1-0b6d2e7c4f10","tenantId":"@Tenant@"},
             "properties":{"computeType":"AmlCompute","properties":{"vmSize":"STANDARD_NC6S_V3","vmPriority":"LowPriority","osType":"Linux",
              "scaleSettings":{"minNodeCount":0,"maxNodeCount":2,"nodeIdleTimeBeforeScaleDown":"PT600S"},"enableNodePublicIp":true,"remoteLoginPortPublicAccess":"NotSpecified","isolatedNetwork":false}}}
            """)));
    }

    /// <summary>Default resources of a workspace (storage, key vault, app insights, optional Premium registry).</summary>
    private static DefaultResources Dependencies(EmulatorState state, string sub, string rg, string baseName, string location,
        string storage = "Enabled", string keyVault = "Enabled", string? registry = "Enabled")
    {
        var compact = NonAlphanumeric().Replace(baseName, string.Empty);
        var storageId = B.Resource(state, sub, rg, "Microsoft.Storage/storageAccounts", Cut($"st{compact}", 24), location,
            new JsonObject { ["publicNetworkAccess"] = storage, ["minimumTlsVersion"] = "TLS1_2", ["isHnsEnabled"] = false },
            "StorageV2", Obj("""{"name":"Standard_LRS","tier":"Standard"}"""));
        var keyVaultId = B.Resource(state, sub, rg, "Microsoft.KeyVault/vaults", Cut($"kv-{baseName}", 24), location,
            new JsonObject
            {
                ["publicNetworkAccess"] = keyVault, ["tenantId"] = Tenant, ["enableRbacAuthorization"] = true,
                ["sku"] = Obj("""{"family":"A","name":"standard"}"""),
            });
        var insights = B.Resource(state, sub, rg, "Microsoft.Insights/components", $"appi-{baseName}", location,
            Obj("""{"publicNetworkAccessForIngestion":"Enabled","publicNetworkAccessForQuery":"Enabled","Application_Type":"web"}"""), "web");
        var registryId = registry is null ? null : B.Resource(state, sub, rg, "Microsoft.ContainerRegistry/registries", Cut($"cr{compact}", 50), location,
            new JsonObject { ["publicNetworkAccess"] = registry, ["adminUserEnabled"] = false }, sku: Obj("""{"name":"Premium","tier":"Premium"}"""));
        return new DefaultResources(storageId, keyVaultId, insights, registryId);
    }

    private static WorkspaceSeed With(DefaultResources d, WorkspaceSeed seed) => seed with
    {
        StorageAccount = d.StorageAccount,
        KeyVault = d.KeyVault,
        ApplicationInsights = d.ApplicationInsights,
        ContainerRegistry = d.ContainerRegistry,
    };

    private static string Principal(WorkspaceRecord ws) => ws.Identity?["principalId"]?.GetValue<string>() ?? string.Empty;

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>Fills the @S1@, @Alice@, @Bob@ and @Tenant@ placeholders of a JSON template.</summary>
    private static string Fill(string template) => template
        .Replace("@S1@", S1, StringComparison.Ordinal)
        .Replace("@Alice@", Alice, StringComparison.Ordinal)
        .Replace("@Bob@", Bob, StringComparison.Ordinal)
        .Replace("@Tenant@", Tenant, StringComparison.Ordinal);

    [GeneratedRegex("[^a-z0-9]")]
    private static partial Regex NonAlphanumeric();
}
