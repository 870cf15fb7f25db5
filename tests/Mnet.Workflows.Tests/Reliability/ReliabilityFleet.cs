using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Arm;
using Mnet.Arm.Models;
using Mnet.Core.Resources;
using Mnet.Emulator.Scenarios;
using Mnet.Workflows.Tests.Migration;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Reliability;

/// <summary>
/// The workspaces the reliability suites act on (TS tests/reliability/support/fleet), built through the ARM client
/// before any fault is injected: onboarding targets without computes (every third one internet outbound, the rest
/// Disabled) and migration targets (Disabled, with two clusters, an instance and an endpoint with a deployment), plus
/// one shared storage account that every workspace's private endpoint rule points at, so every onboarding assigns an
/// approver role.
/// </summary>
public sealed record ReliabilityFleet(IReadOnlyList<string> Onboard, IReadOnlyList<MigrationFixture> Migrate)
{
    public const string Subscription = EmptyScenario.SubscriptionId;
    public const string SharedStorage =
        $"/subscriptions/{Subscription}/resourceGroups/rg-shared/providers/Microsoft.Storage/storageAccounts/stshareddata";

    public static ComputeSet MigrationSet { get; } = new(Clusters: 2, Instances: 1, Endpoints: 1, DeploymentsPerEndpoint: 1);

    /// <summary>Every workspace, onboarding targets first.</summary>
    public IReadOnlyList<string> All => [.. Onboard, .. Migrate.Select(m => m.WorkspaceId)];

    /// <summary>
    /// Approved outbound with an FQDN rule and a private endpoint rule to the shared storage account; computes
    /// migrated automatically, four deletes at a time; approver roles assigned.
    /// </summary>
    public static Core.Policy.Policy Policy(string name = "reliability") => TestPolicies.From(new JsonObject
    {
        ["name"] = name,
        ["scope"] = new JsonObject { ["subscriptions"] = TestPolicies.Array([Subscription]) },
        ["managed_network"] = new JsonObject
        {
            ["isolation_mode"] = "allow_only_approved_outbound",
            ["outbound_rules"] = new JsonArray(
                new JsonObject { ["name"] = "pypi", ["type"] = "fqdn", ["destination"] = "pypi.org" },
                new JsonObject
                {
                    ["name"] = "shared-blob", ["type"] = "private_endpoint",
                    ["destination"] = new JsonObject { ["service_resource_id"] = SharedStorage, ["subresource_target"] = "blob", ["spark_enabled"] = false },
                }),
        },
        ["compute_migration"] = new JsonObject { ["mode"] = "automatic", ["max_parallel_deletes"] = 4 },
        ["approver_roles"] = new JsonObject { ["assign"] = true },
        // Ten hours of ARM time (a minute of real time at 600x): the engine's latency under load, not the service,
        // decides when the first check after the provisioning request comes; the service takes its 40 minutes anyway.
        ["provisioning"] = new JsonObject { ["timeout_minutes"] = 600 },
    });

    /// <summary>The shared private endpoint target (its resource group first).</summary>
    public static async Task CreateSharedStorageAsync(IArmClient arm)
    {
        await arm.CreateResourceGroupAsync(Subscription, "rg-shared", "eastus");
        await arm.PutDependencyAsync(DependencyKind.StorageAccount, SharedStorage, new GenericResourceBody
        {
            Location = "eastus", Kind = "StorageV2", Sku = new Sku { Name = "Standard_LRS" },
            Properties = new Dictionary<string, JsonElement>(),
        });
    }

    /// <summary>One onboarding target: internet outbound when <paramref name="i"/> is a multiple of 3, Disabled otherwise.</summary>
    public static async Task<string> CreateOnboardTargetAsync(IArmClient arm, int i, string prefix = "ws-on")
    {
        var mode = i % 3 == 0 ? IsolationMode.AllowInternetOutbound : IsolationMode.Disabled;
        return (await WorkspaceFixtures.CreateAsync(arm, Subscription, $"rg-on-{i % 5}", $"{prefix}-{i:00}", mode)).Id;
    }

    public static async Task<ReliabilityFleet> BuildAsync(IArmClient arm, int onboard, int migrate)
    {
        await CreateSharedStorageAsync(arm);
        // A few at a time: the emulator serialises its state, and the suite's budget is the orchestrations, not this.
        using var gate = new SemaphoreSlim(8);
        async Task<T> Gated<T>(Func<Task<T>> build)
        {
            await gate.WaitAsync();
            try
            {
                return await build();
            }
            finally
            {
                gate.Release();
            }
        }

        var onboardTasks = Enumerable.Range(0, onboard).Select(i => Gated(() => CreateOnboardTargetAsync(arm, i))).ToList();
        var migrateTasks = Enumerable.Range(0, migrate)
            .Select(i => Gated(() => MigrationFixture.BuildAsync(arm, MigrationSet, $"ws-mig-{i:00}"))).ToList();
        return new ReliabilityFleet(await Task.WhenAll(onboardTasks), await Task.WhenAll(migrateTasks));
    }
}
