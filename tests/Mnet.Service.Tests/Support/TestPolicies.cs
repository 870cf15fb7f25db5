using System.Text.Json.Nodes;

namespace Mnet.Service.Tests.Support;

/// <summary>
/// The policies of the TS fakes: <c>baseline</c> (the app's policy: both subscriptions, excludes ws-excluded, internet
/// outbound) and <c>strict</c> (rg-ml only, approved outbound), written as files of a policy folder.
/// </summary>
public static class TestPolicies
{
    public static JsonObject Baseline() => new()
    {
        ["name"] = "baseline",
        ["scope"] = new JsonObject
        {
            ["subscriptions"] = new JsonArray(TestIds.Sub, TestIds.Sub2),
            ["resource_groups"] = new JsonArray(),
            ["workspace_kinds"] = new JsonArray(),
            ["tags"] = new JsonObject(),
            ["exclude"] = new JsonArray("ws-excluded"),
        },
        ["managed_network"] = new JsonObject { ["isolation_mode"] = "allow_internet_outbound" },
    };

    public static JsonObject Strict() => new()
    {
        ["name"] = "strict",
        ["scope"] = new JsonObject { ["subscriptions"] = new JsonArray(TestIds.Sub), ["resource_groups"] = new JsonArray("rg-ml") },
        ["managed_network"] = new JsonObject { ["isolation_mode"] = "allow_only_approved_outbound" },
    };

    /// <summary>A folder with baseline.json (the app's) and strict.json; extra files by name.</summary>
    public static string WriteFolder(string root, IReadOnlyDictionary<string, string>? extra = null)
    {
        string dir = Path.Combine(root, "policies");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "baseline.json"), Baseline().ToJsonString());
        File.WriteAllText(Path.Combine(dir, "strict.json"), Strict().ToJsonString());
        foreach (var (name, text) in extra ?? new Dictionary<string, string>()) File.WriteAllText(Path.Combine(dir, name), text);
        return dir;
    }
}
