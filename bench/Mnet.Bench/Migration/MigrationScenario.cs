using System.Text.Json;
using Mnet.Arm;
using Mnet.Arm.Models;
using Mnet.Arm.Recreate;
using Mnet.Core.Policy;
using Mnet.Core.Resources;
using Mnet.Emulator;
using Mnet.Emulator.Scenarios;

namespace Mnet.Bench.Migration;

/// <summary>
/// The migration benchmark's setup (TS bench/migration/scenario.ts): latencies, the 60-resource workspace, the
/// policy and the critical path.
/// </summary>
public static class MigrationScenario
{
    /// <summary>Clusters, compute instances and online endpoints each (20 in the full run: 60 resources).</summary>
    public const int FullPerKind = 20;
    const string Location = "eastus";
    const string Tenant = "00000000-0000-0000-0000-0000000000aa";

    /// <summary>Delete 2 min, create 5 min, provisioning 30 min (the first-FQDN firewall surcharge left out: it is not compute work).</summary>
    public static LroDurations Durations { get; } = new()
    {
        ComputeDelete = TimeSpan.FromMinutes(2),
        ComputeCreate = TimeSpan.FromMinutes(5),
        EndpointDelete = TimeSpan.FromMinutes(2),
        EndpointCreate = TimeSpan.FromMinutes(5),
        EndpointUpdate = TimeSpan.FromMinutes(1),
        ProvisionManagedNetwork = TimeSpan.FromMinutes(30),
        FirstFqdnFirewall = TimeSpan.Zero,
    };

    /// <summary>Longest delete + provisioning + longest create: no schedule can finish sooner.</summary>
    public static TimeSpan CriticalPath =>
        Max(Durations.ComputeDelete, Durations.EndpointDelete) + Durations.ProvisionManagedNetwork + Durations.FirstFqdnFirewall +
        Max(Durations.ComputeCreate, Durations.EndpointCreate);

    /// <summary>Approved outbound with two FQDN rules; everything in one batch (max_parallel_deletes = all), no approval.</summary>
    public static Policy Policy(int resources)
    {
        string text = $$"""
            name: bench-migration
            scope:
              subscriptions: [{{EmptyScenario.SubscriptionId}}]
            managed_network:
              isolation_mode: allow_only_approved_outbound
              outbound_rules:
                - name: pypi
                  type: fqdn
                  destination: pypi.org
                - name: pythonhosted
                  type: fqdn
                  destination: "*.pythonhosted.org"
            compute_migration:
              mode: automatic
              max_parallel_deletes: {{resources}}
            approver_roles:
              assign: false
            """;
        var result = PolicyLoader.Load(text, "bench-migration.yaml");
        return result.Ok
            ? result.Policy!
            : throw new InvalidOperationException("migration policy is invalid: " + string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Message}")));
    }

    /// <summary>A workspace without a managed network holding <paramref name="perKind"/> clusters, compute instances and online endpoints.</summary>
    public static async Task<Workspace> BuildWorkspaceAsync(IArmClient arm, string name, int perKind)
    {
        const string sub = EmptyScenario.SubscriptionId;
        string rg = $"rg-{name}";
        await arm.CreateResourceGroupAsync(sub, rg, Location);
        string compact = new([.. name.Where(char.IsAsciiLetterOrDigit)]);
        string storage = Dependency(sub, rg, "Microsoft.Storage/storageAccounts", $"st{compact}");
        string vault = Dependency(sub, rg, "Microsoft.KeyVault/vaults", $"kv-{name}");
        string insights = Dependency(sub, rg, "Microsoft.Insights/components", $"appi-{name}");
        await arm.PutDependencyAsync(DependencyKind.StorageAccount, storage, Body("""{"publicNetworkAccess":"Enabled"}""", "StorageV2", "Standard_LRS"));
        await arm.PutDependencyAsync(DependencyKind.KeyVault, vault,
            Body($$"""{"tenantId":"{{Tenant}}","sku":{"family":"A","name":"standard"},"enableRbacAuthorization":true}"""));
        await arm.PutDependencyAsync(DependencyKind.ApplicationInsights, insights, Body("""{"Application_Type":"web"}""", "web"));
        var workspace = await arm.CreateWorkspaceAndWaitAsync(ResourceId.WorkspaceId(sub, rg, name), new WorkspaceCreateBody
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
            },
        });
        var creates = new List<Task>();
        for (int i = 0; i < perKind; i++)
        {
            creates.Add(arm.WaitForOperationAsync(await arm.BeginCreateComputeAsync($"{workspace.Id}/computes/cluster-{i}", Compute("AmlCompute", i, new()
            {
                ["vmSize"] = "STANDARD_DS3_V2",
                ["scaleSettings"] = new { minNodeCount = 0, maxNodeCount = 2 },
            }))));
        }

        for (int i = 0; i < perKind; i++)
        {
            creates.Add(arm.WaitForOperationAsync(await arm.BeginCreateComputeAsync($"{workspace.Id}/computes/ci-{i}", Compute("ComputeInstance", i, new()
            {
                ["vmSize"] = "STANDARD_DS11_V2",
                ["applicationSharingPolicy"] = "Personal",
            }))));
        }

        for (int i = 0; i < perKind; i++)
        {
            creates.Add(arm.WaitForOperationAsync(await arm.BeginCreateOnlineEndpointAsync($"{workspace.Id}/onlineEndpoints/ep-{i}", new OnlineEndpointCreateBody
            {
                Location = Location,
                Identity = new ManagedServiceIdentity { Type = "SystemAssigned" },
                Properties = new OnlineEndpointProperties { AuthMode = "Key", Description = $"endpoint {i}" },
            })));
        }

        await Task.WhenAll(creates);
        return workspace;
    }

    static ComputeCreateBody Compute(string type, int i, Dictionary<string, object> properties) => new()
    {
        Location = Location,
        Properties = new ComputeProperties
        {
            ComputeType = type,
            Description = $"{type} {i}",
            Properties = properties.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value)),
        },
    };

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    static string Dependency(string sub, string rg, string type, string name) =>
        $"/subscriptions/{sub}/resourceGroups/{rg}/providers/{type}/{name}";

    static GenericResourceBody Body(string properties, string? kind = null, string? sku = null) => new()
    {
        Location = Location,
        Kind = kind,
        Sku = sku is null ? null : new Sku { Name = sku },
        Properties = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(properties),
    };
}
