using System.Text.Json;
using Mnet.Arm;
using Mnet.Arm.Models;
using Mnet.Core.Resources;

namespace Mnet.Workflows.Tests.Support;

/// <summary>
/// Workspaces built in the emulator through the real ARM client (the production HTTP path), for scenarios the seeded
/// ones do not cover (port of tests/support/workspaces.ts createWorkspaceFixture).
/// </summary>
public static class WorkspaceFixtures
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000aa";

    /// <summary>Resource group, default dependencies and the workspace itself.</summary>
    public static async Task<Workspace> CreateAsync(IArmClient arm, string subscriptionId, string resourceGroup, string name,
        IsolationMode mode = IsolationMode.Disabled, IReadOnlyList<string>? userAssigned = null, string publicNetworkAccess = "Enabled",
        string location = "eastus")
    {
        await arm.CreateResourceGroupAsync(subscriptionId, resourceGroup, location);
        string compact = new([.. name.Where(char.IsAsciiLetterOrDigit)]);
        string storage = Dependency(subscriptionId, resourceGroup, "Microsoft.Storage/storageAccounts", $"st{compact}"[..Math.Min(24, compact.Length + 2)]);
        string vault = Dependency(subscriptionId, resourceGroup, "Microsoft.KeyVault/vaults", $"kv-{name}"[..Math.Min(24, name.Length + 3)]);
        string insights = Dependency(subscriptionId, resourceGroup, "Microsoft.Insights/components", $"appi-{name}");
        await arm.PutDependencyAsync(DependencyKind.StorageAccount, storage, new GenericResourceBody
        {
            Location = location, Kind = "StorageV2", Sku = new Sku { Name = "Standard_LRS" }, Properties = Properties(new { publicNetworkAccess = "Enabled" }),
        });
        await arm.PutDependencyAsync(DependencyKind.KeyVault, vault, new GenericResourceBody
        {
            Location = location, Properties = Properties(new { tenantId = Tenant, sku = new { family = "A", name = "standard" }, enableRbacAuthorization = true }),
        });
        await arm.PutDependencyAsync(DependencyKind.ApplicationInsights, insights, new GenericResourceBody
        {
            Location = location, Kind = "web", Properties = Properties(new { Application_Type = "web" }),
        });
        var identity = userAssigned is { Count: > 0 }
            ? new ManagedServiceIdentity
            {
                Type = "SystemAssigned,UserAssigned",
                UserAssignedIdentities = userAssigned.ToDictionary(u => u, _ => new UserAssignedIdentityInfo()),
            }
            : new ManagedServiceIdentity { Type = "SystemAssigned" };
        return await arm.CreateWorkspaceAndWaitAsync(ResourceId.WorkspaceId(subscriptionId, resourceGroup, name), new WorkspaceCreateBody
        {
            Location = location,
            Kind = "Default",
            Identity = identity,
            Properties = new WorkspaceProperties
            {
                FriendlyName = name,
                StorageAccount = storage,
                KeyVault = vault,
                ApplicationInsights = insights,
                PublicNetworkAccess = publicNetworkAccess,
                ManagedNetwork = mode == IsolationMode.Disabled ? null : new ManagedNetworkSettings { IsolationMode = mode },
            },
        });
    }

    static string Dependency(string subscriptionId, string resourceGroup, string type, string name) =>
        $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/{type}/{name}";

    static IReadOnlyDictionary<string, JsonElement> Properties(object value) =>
        JsonSerializer.SerializeToElement(value).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
}
