using System.Text.Json;
using Mnet.Core.Planning;
using Mnet.Core.Policy;
using Mnet.Core.Resources;

namespace Mnet.Core.Tests.Planning;

/// <summary>Builders for planner / drift tests: a validated-looking Policy and ARM-shaped workspaces.</summary>
internal static class PlanFixtures
{
    public const string Sub = "00000000-0000-0000-0000-000000000001";
    public const string OtherSub = "00000000-0000-0000-0000-000000000002";
    public const string Rg = "rg-ml";
    public const string Principal = "11111111-2222-3333-4444-555555555555";

    public static string WsId(string name, string rg = Rg, string sub = Sub) =>
        $"/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces/{name}";

    public static string ResId(string provider, string type, string name, string rg = Rg, string sub = Sub) =>
        $"/subscriptions/{sub}/resourceGroups/{rg}/providers/{provider}/{type}/{name}";

    public static readonly string Storage = ResId("Microsoft.Storage", "storageAccounts", "stml001");
    public static readonly string KeyVault = ResId("Microsoft.KeyVault", "vaults", "kv-ml-001");
    public static readonly string Acr = ResId("Microsoft.ContainerRegistry", "registries", "crml001");

    public static PolicyScope Scope(
        IReadOnlyList<string>? subscriptions = null,
        IReadOnlyList<string>? resourceGroups = null,
        IReadOnlyList<string>? workspaceKinds = null,
        IReadOnlyDictionary<string, string>? tags = null,
        IReadOnlyList<string>? exclude = null) => new()
        {
            Subscriptions = subscriptions ?? [Sub],
            ResourceGroups = resourceGroups ?? [],
            WorkspaceKinds = workspaceKinds ?? [],
            Tags = tags ?? new Dictionary<string, string>(),
            Exclude = exclude ?? [],
        };

    /// <summary>The policy the TS fixtures build; change other fields with <c>with</c>.</summary>
    public static Mnet.Core.Policy.Policy MakePolicy(
        IsolationMode mode = IsolationMode.AllowOnlyApprovedOutbound,
        IReadOnlyList<PolicyOutboundRule>? rules = null,
        string? firewallSku = null) => new()
        {
            Name = "test-policy",
            Scope = Scope(),
            ManagedNetwork = new PolicyManagedNetwork { IsolationMode = mode, OutboundRules = rules ?? [], FirewallSku = firewallSku },
            Provisioning = new PolicyProvisioning { ProvisionNow = true, IncludeSpark = false },
            ComputeMigration = new PolicyComputeMigration
            {
                Mode = ComputeMigrationMode.RequireApproval,
                ApprovalTimeoutHours = 72,
                SkipUnsupported = false,
                MaxParallelDeletes = 10,
            },
            ApproverRoles = new PolicyApproverRoles { Assign = true, CustomRoleForUncoveredTypes = true },
            Drift = new PolicyDrift { Mode = DriftMode.Report, MaxWorkspacesPerRun = 25 },
        };

    public static PolicyFqdnRule Fqdn(string name, string destination) => new(name, destination);

    public static PolicyPrivateEndpointRule Pe(string name, string id, string subresource, bool spark = false) =>
        new(name, new PolicyPrivateEndpointDestination(id, subresource, spark));

    private static ServiceTagOutboundRule Tag(string serviceTag) => new()
    {
        Category = "Required",
        Status = "Active",
        Destination = new ServiceTagDestination { ServiceTag = serviceTag, Protocol = "TCP", PortRanges = "443", Action = "Allow" },
    };

    private static PrivateEndpointOutboundRule RequiredPe(string id, string subresource) => new()
    {
        Category = "Required",
        Status = "Active",
        Destination = new PrivateEndpointDestination { ServiceResourceId = id, SubresourceTarget = subresource, SparkEnabled = false },
    };

    /// <summary>Required rules as the service adds them in approved-outbound mode.</summary>
    public static Dictionary<string, OutboundRule> RequiredRules(string region = "eastus", string name = "ws1") => new()
    {
        [$"__SYS_PE_{name}_amlworkspace"] = RequiredPe(WsId(name), "amlworkspace"),
        ["__SYS_PE_stml001_blob"] = RequiredPe(Storage, "blob"),
        ["__SYS_ST_AzureActiveDirectory"] = Tag("AzureActiveDirectory"),
        ["__SYS_ST_AzureMachineLearning"] = Tag("AzureMachineLearning"),
        [$"__SYS_ST_BatchNodeManagement.{region}"] = Tag($"BatchNodeManagement.{region}"),
    };

    /// <summary>The required rules plus <paramref name="extra"/> (later entries win, as an object spread).</summary>
    public static Dictionary<string, OutboundRule> With(this Dictionary<string, OutboundRule> rules, params (string Name, OutboundRule Rule)[] extra)
    {
        var all = new Dictionary<string, OutboundRule>(rules);
        foreach (var (name, rule) in extra) all[name] = rule;
        return all;
    }

    public static Workspace MakeWorkspace(
        string name = "ws1",
        IsolationMode mode = IsolationMode.Disabled,
        IReadOnlyDictionary<string, OutboundRule>? rules = null,
        string? kind = "Default",
        string location = "eastus",
        IReadOnlyDictionary<string, string>? tags = null,
        string? status = null,
        string publicNetworkAccess = "Enabled",
        string? firewallSku = null,
        string rg = Rg,
        string sub = Sub,
        string? hubResourceId = null) => new()
        {
            Id = WsId(name, rg, sub),
            Name = name,
            Type = "Microsoft.MachineLearningServices/workspaces",
            Location = location,
            Kind = kind,
            Tags = tags ?? new Dictionary<string, string>(),
            Identity = new ManagedServiceIdentity
            {
                Type = "SystemAssigned",
                PrincipalId = Principal,
                TenantId = "99999999-0000-0000-0000-000000000000",
            },
            Properties = new WorkspaceProperties
            {
                StorageAccount = Storage,
                KeyVault = KeyVault,
                ContainerRegistry = Acr,
                PublicNetworkAccess = publicNetworkAccess,
                ProvisioningState = "Succeeded",
                HubResourceId = hubResourceId,
                ManagedNetwork = new ManagedNetworkSettings
                {
                    IsolationMode = mode,
                    OutboundRules = rules ?? (mode == IsolationMode.Disabled ? new Dictionary<string, OutboundRule>() : RequiredRules(location, name)),
                    Status = new ManagedNetworkStatus { Status = status ?? (mode == IsolationMode.Disabled ? "Inactive" : "Active"), SparkReady = false },
                    FirewallSku = firewallSku,
                },
            },
        };

    public static FqdnOutboundRule FqdnRule(string destination, string category = "UserDefined") =>
        new() { Category = category, Status = "Active", Destination = destination };

    public static PrivateEndpointOutboundRule PeRule(string id, string subresource, bool spark = false) => new()
    {
        Category = "UserDefined",
        Status = "Active",
        Destination = new PrivateEndpointDestination { ServiceResourceId = id, SubresourceTarget = subresource, SparkEnabled = spark },
    };

    public static IReadOnlyDictionary<string, JsonElement> Props(object value) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(value))!;

    public static ComputeResource Cluster(string name, string location = "eastus") => new()
    {
        Id = $"{WsId("ws1")}/computes/{name}",
        Name = name,
        Location = location,
        Properties = new ComputeProperties
        {
            ComputeType = "AmlCompute",
            ComputeLocation = location,
            ProvisioningState = "Succeeded",
            Properties = Props(new { vmSize = "STANDARD_DS3_V2", scaleSettings = new { minNodeCount = 0, maxNodeCount = 4 } }),
        },
    };

    public static ComputeResource Instance(string name) => new()
    {
        Id = $"{WsId("ws1")}/computes/{name}",
        Name = name,
        Location = "eastus",
        Properties = new ComputeProperties
        {
            ComputeType = "ComputeInstance",
            ComputeLocation = "eastus",
            Properties = Props(new { vmSize = "STANDARD_DS11_V2", state = "Running" }),
        },
    };

    public static ComputeResource OtherCompute(string name, string computeType) => new()
    {
        Name = name,
        Location = "eastus",
        Properties = new ComputeProperties { ComputeType = computeType, ComputeLocation = "eastus" },
    };

    public static WorkspaceState State(Workspace workspace) => new() { Workspace = workspace };

    public static IReadOnlyList<string> Ids(this Plan plan) => [.. plan.Steps.Select(s => s.Id)];

    public static IReadOnlyList<StepKind> Kinds(this Plan plan) => [.. plan.Steps.Select(s => s.Kind)];

    public static bool HasWarning(this Plan plan, string code) => plan.Warnings.Any(w => w.Code == code);

    public static T Step<T>(this Plan plan)
        where T : PlanStep => plan.Steps.OfType<T>().Single();
}
