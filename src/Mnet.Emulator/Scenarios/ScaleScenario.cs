using System.Globalization;
using Mnet.Core.Resources;
using Mnet.Emulator.Randomness;
using Mnet.Emulator.State;
using B = Mnet.Emulator.Scenarios.ScenarioBuilder;

namespace Mnet.Emulator.Scenarios;

/// <summary>
/// `scale:N`: N workspaces <c>ws-000000</c>... round-robin over 50 subscriptions
/// (<c>10000000-0000-0000-0000-0000000000NN</c>), 5 resource groups <c>rg-0</c>..<c>rg-4</c> each; states from the
/// seeded PRNG (the TypeScript draws, in the same order): 40% Disabled (half with a cluster), 25% internet outbound
/// (half provisioned), 25% approved provisioned with two FQDN rules, 10% approved with an unapproved PE rule.
/// No dependency resources are created.
/// </summary>
public static class ScaleScenario
{
    public const int Subscriptions = 50;
    public const int ResourceGroups = 5;

    private static readonly string[] Regions = ["eastus", "westeurope", "westus2", "northeurope", "swedencentral"];

    public static string SubscriptionId(int index) =>
        $"10000000-0000-0000-0000-{(index + 1).ToString("D12", CultureInfo.InvariantCulture)}";

    public static void Seed(EmulatorState state, int count)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 1_000_000);
        var random = new SeededRandom(state.Options.Seed);
        for (var s = 0; s < Subscriptions; s++)
        {
            var sub = SubscriptionId(s);
            state.AddSubscription(sub, EmulatorState.DefaultTenantId, $"Scale subscription {s + 1}");
            for (var g = 0; g < ResourceGroups; g++)
            {
                state.AddResourceGroup(sub, $"rg-{g}", Regions[g % Regions.Length]);
            }
        }

        for (var i = 0; i < count; i++)
        {
            var sub = SubscriptionId(i % Subscriptions);
            var g = i / Subscriptions % ResourceGroups;
            var rg = $"rg-{g}";
            var name = $"ws-{i.ToString("D6", CultureInfo.InvariantCulture)}";
            var r = random.Next();
            var mode = r < 0.4 ? IsolationMode.Disabled : r < 0.65 ? IsolationMode.AllowInternetOutbound : IsolationMode.AllowOnlyApprovedOutbound;
            var active = mode == IsolationMode.AllowOnlyApprovedOutbound || (mode == IsolationMode.AllowInternetOutbound && random.Next() < 0.5);
            var ws = B.Workspace(state, new WorkspaceSeed
            {
                SubscriptionId = sub,
                ResourceGroup = rg,
                Name = name,
                Location = Regions[g % Regions.Length],
                Mode = mode,
                Active = active,
                StorageAccount = B.DependencyId(sub, rg, "Microsoft.Storage/storageAccounts", $"st{name.Replace("-", string.Empty, StringComparison.Ordinal)}"),
                KeyVault = B.DependencyId(sub, rg, "Microsoft.KeyVault/vaults", $"kv-{name}"),
                Tags = new() { ["generated"] = "scale" },
            });
            if (mode == IsolationMode.Disabled && random.Next() < 0.5)
            {
                B.Compute(ws, "cpu-cluster", new()
                {
                    ["properties"] = new System.Text.Json.Nodes.JsonObject
                    {
                        ["computeType"] = "AmlCompute",
                        ["properties"] = new System.Text.Json.Nodes.JsonObject
                        {
                            ["vmSize"] = "STANDARD_DS3_V2",
                            ["scaleSettings"] = new System.Text.Json.Nodes.JsonObject { ["minNodeCount"] = 0, ["maxNodeCount"] = 2 },
                        },
                    },
                });
            }

            if (mode == IsolationMode.AllowOnlyApprovedOutbound)
            {
                B.Rule(ws, "pkg-pypi-org", B.FqdnRule("pypi.org"));
                B.Rule(ws, "pkg-any-pythonhosted-org", B.FqdnRule("*.pythonhosted.org"));
                if (r > 0.9)
                {
                    B.Rule(ws, "pe-search", B.PrivateEndpointRule(
                        B.DependencyId(sub, "rg-0", "Microsoft.Search/searchServices", "srch-shared"), "searchService"));
                }
            }
        }
    }
}
