using System.Text;
using System.Text.Json;
using Mnet.Arm;
using Mnet.Arm.Models;
using Mnet.Arm.Recreate;
using Mnet.Core.Resources;
using Mnet.Emulator;
using Mnet.Emulator.Scenarios;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Migration;

/// <summary>
/// The migration acceptance fixture (TS tests/support/migration-fixture + workspaces): a workspace without a managed
/// network holding clusters (customer subnet), compute instances and online endpoints with deployments and a traffic
/// split, built through the real ARM client in an empty emulator.
/// </summary>
public sealed record MigrationFixture(Workspace Workspace, IReadOnlyList<ComputeResource> Computes, IReadOnlyList<BuiltEndpoint> Endpoints)
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000aa";
    const string Location = "eastus";

    /// <summary>Shorter compute and endpoint operations (provisioning stays realistic), with the TS tests' Retry-After.</summary>
    public static LroDurations FastDurations { get; } = new()
    {
        ComputeCreate = TimeSpan.FromMinutes(2),
        ComputeDelete = TimeSpan.FromMinutes(1),
        EndpointCreate = TimeSpan.FromMinutes(2),
        EndpointUpdate = TimeSpan.FromMinutes(1),
        EndpointDelete = TimeSpan.FromMinutes(1),
        DeploymentCreate = TimeSpan.FromMinutes(2),
        DeploymentDelete = TimeSpan.FromMinutes(1),
    };

    public string WorkspaceId => Workspace.Id;

    /// <summary>Rig options for migration tests: the empty scenario, the fast durations, Retry-After 30 s.</summary>
    public static WorkflowRigOptions RigOptions(WorkflowRigOptions? options = null) => (options ?? new WorkflowRigOptions()) with
    {
        Scenario = "empty",
        Durations = options?.Durations ?? FastDurations,
        Emulator = options?.Emulator ?? (e => e with { RetryAfterSeconds = 30 }),
    };

    public static async Task<MigrationFixture> BuildAsync(IArmClient arm, ComputeSet? set = null, string name = "ws-mig",
        IsolationMode mode = IsolationMode.Disabled)
    {
        set ??= ComputeSet.Full;
        var workspace = await CreateWorkspaceAsync(arm, name, mode);
        // Started one by one (the service lists in creation order), awaited together.
        var creates = new List<Task>();
        for (int i = 0; i < set.Clusters; i++) creates.Add(arm.WaitForOperationAsync(await arm.BeginCreateComputeAsync($"{workspace.Id}/computes/{Name(set, "cluster", i)}", ClusterBody(i, set.SubnetId))));
        for (int i = 0; i < set.Instances; i++) creates.Add(arm.WaitForOperationAsync(await arm.BeginCreateComputeAsync($"{workspace.Id}/computes/{Name(set, "ci-user", i)}", InstanceBody(i))));
        for (int e = 0; e < set.Endpoints; e++) creates.Add(CreateEndpointAsync(arm, workspace.Id, e, set.DeploymentsPerEndpoint, Name(set, "ep", e)));
        await Task.WhenAll(creates);

        var computes = await arm.ListComputesAsync(workspace.Id);
        var endpoints = new List<BuiltEndpoint>();
        foreach (var endpoint in await arm.ListOnlineEndpointsAsync(workspace.Id))
        {
            endpoints.Add(new BuiltEndpoint(endpoint, await arm.ListOnlineDeploymentsAsync($"{workspace.Id}/onlineEndpoints/{endpoint.Name}")));
        }

        return new MigrationFixture(workspace, computes, endpoints);
    }

    /// <summary>Resource group, default dependencies and the workspace itself.</summary>
    public static async Task<Workspace> CreateWorkspaceAsync(IArmClient arm, string name, IsolationMode mode = IsolationMode.Disabled)
    {
        const string sub = EmptyScenario.SubscriptionId;
        const string rg = "rg-mig";
        await arm.CreateResourceGroupAsync(sub, rg, Location);
        string compact = new string(name.Where(char.IsAsciiLetterOrDigit).ToArray());
        string storage = Dependency(sub, rg, "Microsoft.Storage/storageAccounts", $"st{compact}"[..Math.Min(24, compact.Length + 2)]);
        string vault = Dependency(sub, rg, "Microsoft.KeyVault/vaults", $"kv-{name}"[..Math.Min(24, name.Length + 3)]);
        string insights = Dependency(sub, rg, "Microsoft.Insights/components", $"appi-{name}");
        await arm.PutDependencyAsync(DependencyKind.StorageAccount, storage, Body("""{"publicNetworkAccess":"Enabled"}""", kind: "StorageV2", sku: "Standard_LRS"));
        await arm.PutDependencyAsync(DependencyKind.KeyVault, vault,
            Body($$"""{"tenantId":"{{Tenant}}","sku":{"family":"A","name":"standard"},"enableRbacAuthorization":true}"""));
        await arm.PutDependencyAsync(DependencyKind.ApplicationInsights, insights, Body("""{"Application_Type":"web"}""", kind: "web"));
        return await arm.CreateWorkspaceAndWaitAsync(ResourceId.WorkspaceId(sub, rg, name), new WorkspaceCreateBody
        {
            Location = Location,
            Kind = "Default",
            Identity = new ManagedServiceIdentity { Type = "SystemAssigned" },
            Properties = new WorkspaceProperties
            {
                FriendlyName = name,
                StorageAccount = storage,
                KeyVault = vault,
                ApplicationInsights = insights,
                PublicNetworkAccess = "Enabled",
                ManagedNetwork = mode == IsolationMode.Disabled ? null : new ManagedNetworkSettings { IsolationMode = mode },
            },
        });
    }

    public static ComputeCreateBody ClusterBody(int i, string? subnetId)
    {
        var props = new Dictionary<string, object>
        {
            ["vmSize"] = i % 2 == 0 ? "STANDARD_DS3_V2" : "STANDARD_NC6S_V3",
            ["vmPriority"] = i % 2 == 0 ? "Dedicated" : "LowPriority",
            ["osType"] = "Linux",
            ["scaleSettings"] = new { minNodeCount = 0, maxNodeCount = 2 + i, nodeIdleTimeBeforeScaleDown = "PT120S" },
            ["enableNodePublicIp"] = false,
            ["remoteLoginPortPublicAccess"] = "Disabled",
        };
        if (subnetId is not null) props["subnet"] = new { id = subnetId };
        return new ComputeCreateBody
        {
            Location = Location,
            Tags = new Dictionary<string, string> { ["team"] = $"t{i}" },
            Properties = new ComputeProperties { ComputeType = "AmlCompute", Description = $"cluster {i}", Properties = Elements(props) },
        };
    }

    public static ComputeCreateBody InstanceBody(int i)
    {
        var props = new Dictionary<string, object>
        {
            ["vmSize"] = "STANDARD_DS11_V2",
            ["applicationSharingPolicy"] = "Personal",
            ["personalComputeInstanceSettings"] = new { assignedUser = new { objectId = $"0000000{i}-1111-4111-8111-111111111111", tenantId = Tenant } },
            ["setupScripts"] = new
            {
                scripts = new { creationScript = new { scriptSource = "inline", scriptData = Convert.ToBase64String(Encoding.UTF8.GetBytes($"echo setup {i}")) } },
            },
            ["schedules"] = new
            {
                computeStartStop = new[]
                {
                    new { action = "Stop", triggerType = "Cron", cron = new { expression = $"0 {18 + i} * * *", timeZone = "UTC", startTime = "2024-01-01T00:00:00" }, status = "Enabled" },
                },
            },
            ["enableNodePublicIp"] = false,
        };
        return new ComputeCreateBody
        {
            Location = Location,
            Properties = new ComputeProperties { ComputeType = "ComputeInstance", Description = $"instance {i}", Properties = Elements(props) },
        };
    }

    /// <summary>cluster-0, or cluster-{prefix}-0 for a set with a name prefix.</summary>
    static string Name(ComputeSet set, string kind, int i) => set.NamePrefix.Length == 0 ? $"{kind}-{i}" : $"{kind}-{set.NamePrefix}-{i}";

    static async Task CreateEndpointAsync(IArmClient arm, string workspaceId, int e, int deployments, string endpointName)
    {
        string endpointId = $"{workspaceId}/onlineEndpoints/{endpointName}";
        var body = new OnlineEndpointCreateBody
        {
            Location = Location,
            Identity = new ManagedServiceIdentity { Type = "SystemAssigned" },
            Tags = new Dictionary<string, string> { ["app"] = $"ep{e}" },
            Properties = new OnlineEndpointProperties { AuthMode = e % 2 == 0 ? "Key" : "AMLToken", Description = $"endpoint {e}" },
        };
        await arm.WaitForOperationAsync(await arm.BeginCreateOnlineEndpointAsync(endpointId, body));
        var names = new List<string>();
        for (int d = 0; d < deployments; d++)
        {
            string name = d switch { 0 => "blue", 1 => "green", _ => $"dep{d}" };
            names.Add(name);
            await arm.WaitForOperationAsync(await arm.BeginCreateOnlineDeploymentAsync($"{endpointId}/deployments/{name}", new OnlineDeploymentCreateBody
            {
                Location = Location,
                Sku = new Sku { Name = "Default", Capacity = d + 1 },
                Properties = new OnlineDeploymentProperties
                {
                    EndpointComputeType = "Managed",
                    Model = $"azureml:model-{e}:{d + 1}",
                    InstanceType = "Standard_DS3_v2",
                    ScaleSettings = Elements(new Dictionary<string, object> { ["scaleType"] = "Default" }),
                },
            }));
        }

        var traffic = names.Select((n, i) => (n, i == 0 ? 100 - 30 * (names.Count - 1) : 30)).ToDictionary(p => p.n, p => p.Item2);
        await arm.WaitForOperationAsync(await arm.BeginCreateOnlineEndpointAsync(endpointId,
            body with { Properties = body.Properties with { Traffic = traffic } }));
    }

    static string Dependency(string sub, string rg, string type, string name) =>
        $"/subscriptions/{sub}/resourceGroups/{rg}/providers/{type}/{name}";

    static GenericResourceBody Body(string properties, string? kind = null, string? sku = null) => new()
    {
        Location = Location,
        Kind = kind,
        Sku = sku is null ? null : new Sku { Name = sku },
        Properties = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(properties),
    };

    static Dictionary<string, JsonElement> Elements(Dictionary<string, object> values) =>
        values.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value));
}
