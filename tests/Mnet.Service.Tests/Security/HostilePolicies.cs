using System.Text.Json.Nodes;
using Mnet.Service.Tests.Support;

namespace Mnet.Service.Tests.Security;

/// <summary>What the review's attacker sent: policies that widen the app's reach.</summary>
public static class HostilePolicies
{
    public const string ExfiltrationHost = "exfil.attacker.example";
    public const string ForeignStorage = "/subscriptions/99999999-9999-4999-8999-999999999999/resourceGroups/rg-evil/providers/Microsoft.Storage/storageAccounts/stevil";

    /// <summary>
    /// An inline policy that adds an exfiltration FQDN rule, drops every user rule, enables public access and asks for a
    /// private endpoint (and so the approver role) on a foreign storage account.
    /// </summary>
    public static JsonObject Exfiltration() => new()
    {
        ["name"] = "baseline",
        ["scope"] = new JsonObject { ["subscriptions"] = new JsonArray(TestIds.Sub, TestIds.Sub2, TestIds.OtherSub) },
        ["public_network_access"] = "enabled",
        ["managed_network"] = new JsonObject
        {
            ["isolation_mode"] = "allow_only_approved_outbound",
            ["outbound_rules"] = new JsonArray(
                new JsonObject { ["name"] = "exfil", ["type"] = "fqdn", ["destination"] = ExfiltrationHost },
                new JsonObject
                {
                    ["name"] = "evil-blob",
                    ["type"] = "private_endpoint",
                    ["destination"] = new JsonObject { ["service_resource_id"] = ForeignStorage, ["subresource_target"] = "blob" },
                }),
        },
    };

    /// <summary>An operator's named policy with a wider scope than the app's (no exclusions, any subscription).</summary>
    public static JsonObject Wide() => new()
    {
        ["name"] = "wide",
        ["scope"] = new JsonObject { ["subscriptions"] = new JsonArray(TestIds.Sub, TestIds.Sub2, TestIds.OtherSub) },
        ["managed_network"] = new JsonObject { ["isolation_mode"] = "allow_internet_outbound" },
    };
}
