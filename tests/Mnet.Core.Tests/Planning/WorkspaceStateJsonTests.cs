using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using Mnet.Core.Tests.Support;

namespace Mnet.Core.Tests.Planning;

/// <summary>Port of tests/cli/state-file.test.ts (the parsing half; reading the file is the CLI's), plus the paths named.</summary>
public class WorkspaceStateJsonTests
{
    private static readonly string Bare = RepoPaths.ReadText("examples", "workspaces", "internet-outbound.json");

    private static string Bundle(params (string Key, JsonNode? Value)[] extra)
    {
        var root = new JsonObject { ["workspace"] = JsonNode.Parse(Bare) };
        foreach (var (key, value) in extra) root[key] = value;
        return root.ToJsonString();
    }

    [Fact]
    public void A_bare_workspace_leaves_computes_unknown()
    {
        var s = WorkspaceStateJson.Parse(Bare, "ws.json");
        Assert.Equal("ws-ml-genai", s.Workspace.Name);
        Assert.Null(s.Computes);
        Assert.Null(s.OnlineEndpoints);
    }

    [Fact]
    public void A_bundle_accepts_arm_list_responses_for_computes_endpoints_rules_and_role_assignments()
    {
        var text = Bundle(
            ("computes", JsonNode.Parse("""{"value": [{"name": "c1", "properties": {"computeType": "AmlCompute"}}], "nextLink": null}""")),
            ("onlineEndpoints", JsonNode.Parse("""[{"name": "ep1", "location": "eastus", "properties": {"authMode": "Key"}}]""")),
            ("outboundRules", JsonNode.Parse("""{"value": [{"name": "r1", "properties": {"type": "FQDN", "category": "UserDefined", "destination": "pypi.org"}}]}""")),
            ("roleAssignments", JsonNode.Parse("""{"value": [{"name": "g", "properties": {"scope": "/s", "principalId": "p", "roleDefinitionId": "/r"}}]}""")));
        var s = WorkspaceStateJson.Parse(text, "b.json");
        Assert.Equal(["c1"], s.Computes!.Select(c => c.Name));
        Assert.Equal([("ep1", 0)], s.OnlineEndpoints!.Select(e => (e.Endpoint.Name, e.Deployments.Count)));
        Assert.Equal(["r1"], s.OutboundRules!.Keys);
        Assert.Equal("pypi.org", Assert.IsType<FqdnOutboundRule>(s.OutboundRules["r1"]).Destination);
        Assert.Equal([new ExistingRoleAssignment("/s", "p", "/r")], s.RoleAssignments!);
    }

    [Fact]
    public void The_disabled_fixture_carries_its_computes_and_endpoint()
    {
        var s = WorkspaceStateJson.Parse(RepoPaths.ReadText("examples", "workspaces", "disabled-with-computes.json"), "d.json");
        Assert.Equal(["cpu-cluster:AmlCompute", "gpu-cluster:AmlCompute", "ci-alice:ComputeInstance"], s.Computes!.Select(c => $"{c.Name}:{c.Properties.ComputeType}"));
        Assert.Equal([["blue"]], s.OnlineEndpoints!.Select(e => e.Deployments.Select(d => d.Name).ToList()));
        Assert.Equal(IsolationMode.Disabled, s.Workspace.Properties.ManagedNetwork?.IsolationMode);
    }

    [Theory]
    [InlineData("[]", "x.json: must hold a JSON object")]
    [InlineData("{\"a\": 1,}", "x.json: 1:")]
    public void Malformed_texts_name_what_is_wrong(string text, string start)
    {
        var e = Assert.Throws<StateFileException>(() => WorkspaceStateJson.Parse(text, "x.json"));
        Assert.StartsWith(start, e.Message, StringComparison.Ordinal);
        Assert.Equal("x.json", e.StateSource);
    }

    [Fact]
    public void Malformed_bundles_name_the_entry_that_is_wrong()
    {
        Assert.Matches(@"x\.json: 1:\d+: not valid JSON", Assert.Throws<StateFileException>(() => WorkspaceStateJson.Parse("{\"a\": 1,}", "x.json")).Message);
        Assert.Contains(
            "computes[0] needs name and properties.computeType",
            Assert.Throws<StateFileException>(() => WorkspaceStateJson.Parse(Bundle(("computes", JsonNode.Parse("""[{"name": "c"}]"""))), "x.json")).Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "computes must be an array",
            Assert.Throws<StateFileException>(() => WorkspaceStateJson.Parse(Bundle(("computes", "all")), "x.json")).Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "roleAssignments[0] needs scope, principalId and roleDefinitionId",
            Assert.Throws<StateFileException>(() => WorkspaceStateJson.Parse(Bundle(("roleAssignments", JsonNode.Parse("""[{"scope": "/s"}]"""))), "x.json")).Message,
            StringComparison.Ordinal);
        Assert.Contains(
            "outboundRules must map rule names to rules",
            Assert.Throws<StateFileException>(() => WorkspaceStateJson.Parse(Bundle(("outboundRules", 3)), "x.json")).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_workspace_without_id_name_location_or_properties_is_refused_naming_the_key()
    {
        var ws = JsonNode.Parse(Bare)!.AsObject();
        ws.Remove("location");
        Assert.Equal(
            "w.json: workspace.location is missing (a workspace as ARM returns it has id, name, location, properties)",
            Assert.Throws<StateFileException>(() => WorkspaceStateJson.Parse(ws.ToJsonString(), "w.json")).Message);
        Assert.Equal(
            "w.json: hub must be a workspace object as ARM returns it",
            Assert.Throws<StateFileException>(() => WorkspaceStateJson.Parse(Bundle(("hub", "nope")), "w.json")).Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_named_by_its_path()
    {
        var ws = JsonNode.Parse(Bare)!.AsObject();
        ws["properties"]!["managedNetwork"]!["isolationMode"] = "Sometimes";
        var e = Assert.Throws<StateFileException>(() => WorkspaceStateJson.Parse(ws.ToJsonString(), "w.json"));
        Assert.Equal(
            "w.json: workspace.properties.managedNetwork.isolationMode is not as ARM returns it: The JSON value could not be converted to IsolationMode.",
            e.Message);
        var missing = Bundle(("outboundRules", JsonNode.Parse("""{"r": {"type": "FQDN"}}""")));
        Assert.Contains(
            "outboundRules.r is not as ARM returns it: JSON deserialization for type 'FqdnOutboundRule' was missing required properties",
            Assert.Throws<StateFileException>(() => WorkspaceStateJson.Parse(missing, "w.json")).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_and_a_hub_are_accepted_and_the_bundle_serializes_back()
    {
        var s = WorkspaceStateJson.Parse("\uFEFF" + Bundle(("hub", JsonNode.Parse(Bare)), ("computes", new JsonArray())), "b.json");
        Assert.Equal("ws-ml-genai", s.Hub?.Name);
        Assert.Empty(s.Computes!);
        var again = WorkspaceStateJson.Parse(WorkspaceStateJson.Serialize(s), "again.json");
        Assert.Equal(WorkspaceStateJson.Serialize(s), WorkspaceStateJson.Serialize(again));
        Assert.Equal(JsonSerializer.Serialize(s.Workspace, ArmJson.Options), JsonSerializer.Serialize(again.Workspace, ArmJson.Options));
    }
}
