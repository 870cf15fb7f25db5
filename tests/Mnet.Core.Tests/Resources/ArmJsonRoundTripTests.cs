using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Core.Resources;

namespace Mnet.Core.Tests.Resources;

/// <summary>A read-modify-write through the records must give back every property read.</summary>
public sealed class ArmJsonRoundTripTests
{
    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in ExampleWorkspaces.Files()) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_resources_round_trip_without_loss(string fileName)
    {
        var root = ExampleWorkspaces.Load(fileName);
        // Snapshots are either a bare workspace or {workspace, computes, onlineEndpoints: [{endpoint, deployments}]}.
        var workspace = root["workspace"] ?? root;
        AssertRoundTrip<Workspace>(workspace, $"{fileName}: workspace");
        foreach (var compute in root["computes"]?.AsArray() ?? [])
        {
            AssertRoundTrip<ComputeResource>(compute!, $"{fileName}: compute {compute!["name"]}");
        }
        foreach (var entry in root["onlineEndpoints"]?.AsArray() ?? [])
        {
            AssertRoundTrip<OnlineEndpoint>(entry!["endpoint"]!, $"{fileName}: endpoint");
            foreach (var deployment in entry["deployments"]?.AsArray() ?? [])
            {
                AssertRoundTrip<OnlineDeployment>(deployment!, $"{fileName}: deployment {deployment!["name"]}");
            }
        }
    }

    [Fact]
    public void Examples_exist_and_carry_typed_values()
    {
        Assert.NotEmpty(ExampleWorkspaces.Files());
        var ws = ArmJson.Deserialize<Workspace>(ExampleWorkspaces.Load("approved-compliant.json")["workspace"]!.ToJsonString());
        Assert.Equal(IsolationMode.AllowOnlyApprovedOutbound, ws.Properties.ManagedNetwork?.IsolationMode);
        Assert.Equal("Disabled", ws.Properties.PublicNetworkAccess);
        Assert.Equal("SystemAssigned", ws.Identity?.Type);
        Assert.True(ws.Extra?.ContainsKey("systemData"), "systemData kept in Extra");
        Assert.True(ws.Properties.Extra?.ContainsKey("workspaceId"), "unnamed properties kept in Extra");
        var rule = Assert.IsType<PrivateEndpointOutboundRule>(ws.Properties.ManagedNetwork!.OutboundRules!["__SYS_PE_stwsmlprod_blob"]);
        Assert.Equal("blob", rule.Destination.SubresourceTarget);
        Assert.Equal("Required", rule.Category);
    }

    [Fact]
    public void A_changed_record_keeps_the_unknown_properties_it_was_read_with()
    {
        var json = """
            {"id":"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w",
             "name":"w","location":"eastus","futureTopLevel":{"a":[1,2]},
             "properties":{"futureProperty":true,
               "managedNetwork":{"isolationMode":"AllowInternetOutbound","managedNetworkKind":"V2","futureNetworkSetting":"x"}}}
            """;
        var ws = ArmJson.Deserialize<Workspace>(json);
        Assert.Equal("V2", ws.Properties.ManagedNetwork?.ManagedNetworkKind);
        var changed = ws with
        {
            Properties = ws.Properties with
            {
                ManagedNetwork = ws.Properties.ManagedNetwork! with { IsolationMode = IsolationMode.AllowOnlyApprovedOutbound },
            },
        };
        var written = JsonNode.Parse(ArmJson.Serialize(changed))!;
        Assert.Equal("AllowOnlyApprovedOutbound", (string?)written["properties"]!["managedNetwork"]!["isolationMode"]);
        Assert.Equal("V2", (string?)written["properties"]!["managedNetwork"]!["managedNetworkKind"]);
        Assert.Equal("x", (string?)written["properties"]!["managedNetwork"]!["futureNetworkSetting"]);
        Assert.Equal(true, (bool?)written["properties"]!["futureProperty"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":[1,2]}"""), written["futureTopLevel"]));
    }

    [Fact]
    public void Nulls_are_left_out_when_writing_and_names_are_camel_case()
    {
        var written = ArmJson.Serialize(new WorkspaceNetworkPatch
        {
            Properties = new WorkspaceNetworkPatchProperties
            {
                ManagedNetwork = new ManagedNetworkPatch { IsolationMode = IsolationMode.AllowOnlyApprovedOutbound },
            },
        });
        Assert.Equal("""{"properties":{"managedNetwork":{"isolationMode":"AllowOnlyApprovedOutbound"}}}""", written);
    }

    [Fact]
    public void Missing_required_properties_are_refused_with_the_name()
    {
        var error = Assert.Throws<JsonException>(() => ArmJson.Deserialize<Workspace>("""{"name":"w","location":"eastus","properties":{}}"""));
        Assert.Contains("id", error.Message);
        Assert.Throws<JsonException>(() => ArmJson.Deserialize<Workspace>("null"));
    }

    [Fact]
    public void Resource_graph_answers_accept_string_or_boolean_truncation_and_dollar_names()
    {
        var page = ArmJson.Deserialize<ResourceGraphResponse>(
            """{"totalRecords":3,"count":1,"resultTruncated":"true","$skipToken":"abc","data":[{"id":"x"}]}""");
        Assert.True(page.ResultTruncated);
        Assert.Equal("abc", page.SkipToken);
        Assert.Equal("x", page.Data[0].GetProperty("id").GetString());
        Assert.False(ArmJson.Deserialize<ResourceGraphResponse>("""{"totalRecords":0,"count":0,"resultTruncated":false,"data":[]}""").ResultTruncated);
        var request = ArmJson.Serialize(new ResourceGraphRequest
        {
            Subscriptions = ["s"],
            Query = "resources",
            Options = new ResourceGraphRequestOptions { Top = 1000, SkipToken = "t", ResultFormat = "objectArray" },
        });
        Assert.Equal("""{"subscriptions":["s"],"query":"resources","options":{"$top":1000,"$skipToken":"t","resultFormat":"objectArray"}}""", request);
    }

    private static void AssertRoundTrip<T>(JsonNode input, string what)
    {
        var record = ArmJson.Deserialize<T>(input.ToJsonString());
        var output = JsonNode.Parse(ArmJson.Serialize(record));
        Assert.True(JsonNode.DeepEquals(input, output), $"{what} changed in a round trip:\nin:  {input.ToJsonString()}\nout: {output?.ToJsonString()}");
    }
}
