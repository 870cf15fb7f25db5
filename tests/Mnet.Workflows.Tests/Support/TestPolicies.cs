using System.Text.Json.Nodes;
using Mnet.Core.Policy;

namespace Mnet.Workflows.Tests.Support;

/// <summary>Test policies, validated by the real policy validator (so defaults are the product's).</summary>
public static class TestPolicies
{
    /// <summary><paramref name="raw"/> is a policy document; throws with the problems when it is invalid.</summary>
    public static Policy From(JsonObject raw)
    {
        raw["name"] ??= "test-policy";
        var result = PolicyLoader.Validate(raw, "test-policy");
        if (!result.Ok)
        {
            throw new InvalidOperationException("invalid test policy:\n" + string.Join("\n", result.Problems.Select(p => $"{p.Path}: {p.Message}")));
        }

        return result.Policy!;
    }

    /// <summary>Approved outbound with two FQDN rules (pypi, pythonhosted) for the given subscriptions; <paramref name="extra"/> adds top-level keys.</summary>
    public static Policy ApprovedOutbound(IEnumerable<string> subscriptions, JsonObject? extra = null)
    {
        var raw = new JsonObject
        {
            ["scope"] = new JsonObject { ["subscriptions"] = Array(subscriptions) },
            ["managed_network"] = new JsonObject
            {
                ["isolation_mode"] = "allow_only_approved_outbound",
                ["outbound_rules"] = new JsonArray(
                    new JsonObject { ["name"] = "pypi", ["type"] = "fqdn", ["destination"] = "pypi.org" },
                    new JsonObject { ["name"] = "pythonhosted", ["type"] = "fqdn", ["destination"] = "*.pythonhosted.org" }),
            },
        };
        foreach (var (key, value) in extra ?? []) raw[key] = value?.DeepClone();
        return From(raw);
    }

    public static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
