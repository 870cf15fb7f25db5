using System.Text.Json.Nodes;
using Mnet.Arm.Recreate;
using Mnet.Arm.Tests.Support;
using Mnet.Core.Resources;

namespace Mnet.Arm.Tests.Recreate;

/// <summary>Port of tests/arm/recreate.test.ts: recreate bodies as ARM would receive them.</summary>
public sealed class RecreateTests
{
    private static JsonObject Sent<T>(T body) => JsonAssert.Node(body)!.AsObject();

    private static JsonObject Inner(JsonObject body) => body["properties"]!["properties"]!.AsObject();

    private static JsonNode? FixtureNode(string name) => JsonNode.Parse(Fixtures.Text(name));

    [Fact]
    public void Compute_instance_read_only_fields_go_user_choices_stay_subnet_dropped_inside_a_managed_network()
    {
        var ci = Fixtures.Load<ComputeResource>("compute-instance");
        var before = ArmJson.Serialize(ci);
        var body = Sent(ComputeRecreate.Body(ci, insideManagedNetwork: true));
        var source = FixtureNode("compute-instance")!;

        Assert.Equal(before, ArmJson.Serialize(ci)); // the fetched resource is not changed
        foreach (var key in new[] { "id", "name", "type", "systemData" }) Assert.False(body.ContainsKey(key), key);
        var envelope = body["properties"]!.AsObject();
        foreach (var key in new[] { "provisioningState", "createdOn", "modifiedOn", "provisioningErrors", "isAttachedCompute" })
        {
            Assert.False(envelope.ContainsKey(key), key);
        }
        var p = Inner(body);
        foreach (var key in ReadOnlyFields.ComputeType) Assert.False(p.ContainsKey(key), $"properties.properties.{key}");
        Assert.False(p.ContainsKey("subnet"));
        Assert.False(p["enableNodePublicIp"]!.GetValue<bool>()); // stays as the user had it
        Assert.Equal("STANDARD_DS3_V2", p["vmSize"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(source["properties"]!["properties"]!["personalComputeInstanceSettings"], p["personalComputeInstanceSettings"]));
        Assert.True(JsonNode.DeepEquals(source["properties"]!["properties"]!["setupScripts"], p["setupScripts"]));
        JsonAssert.Equal(
            """{"sshPublicAccess":"Disabled","adminPublicKey":"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC alice@laptop"}""",
            p["sshSettings"]);
        JsonAssert.Equal(
            """
            {"computeStartStop":[{"status":"Enabled","action":"Stop","triggerType":"Cron",
              "cron":{"expression":"0 19 * * 1-5","startTime":"2024-11-02T19:00:00","timeZone":"W. Europe Standard Time"}}]}
            """,
            p["schedules"]);
        Assert.Equal("westeurope", body["location"]!.GetValue<string>());
        JsonAssert.Equal("""{"owner":"alice","costCenter":"r&d-42"}""", body["tags"]);
        Assert.Equal("ComputeInstance", envelope["computeType"]!.GetValue<string>());
        Assert.Equal("Alice's dev box", envelope["description"]!.GetValue<string>());
        Assert.True(envelope["disableLocalAuth"]!.GetValue<bool>());
        JsonAssert.Equal(
            """
            {"type":"SystemAssigned,UserAssigned","userAssignedIdentities":{
              "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai-ci":{}}}
            """,
            body["identity"]);
    }

    [Fact]
    public void Compute_instance_outside_a_managed_network_keeps_its_subnet()
    {
        var ci = Fixtures.Load<ComputeResource>("compute-instance");
        var p = Inner(Sent(ComputeRecreate.Body(ci, insideManagedNetwork: false)));
        Assert.True(JsonNode.DeepEquals(FixtureNode("compute-instance")!["properties"]!["properties"]!["subnet"], p["subnet"]));
    }

    [Fact]
    public void Compute_cluster_keeps_scale_settings_priority_sku_and_public_IP_choice_and_drops_node_counts()
    {
        var cluster = Fixtures.Load<ComputeResource>("aml-cluster");
        var body = Sent(ComputeRecreate.Body(cluster, insideManagedNetwork: true));
        var p = Inner(body);
        JsonAssert.Equal("""{"minNodeCount":0,"maxNodeCount":8,"nodeIdleTimeBeforeScaleDown":"PT120S"}""", p["scaleSettings"]);
        Assert.Equal("LowPriority", p["vmPriority"]!.GetValue<string>());
        Assert.True(p["enableNodePublicIp"]!.GetValue<bool>());
        Assert.Equal("NotSpecified", p["remoteLoginPortPublicAccess"]!.GetValue<string>());
        JsonAssert.Equal("""{"vnetRecreateOnMove":false}""", p["propertyBag"]);
        foreach (var key in new[] { "subnet", "allocationState", "allocationStateTransitionTime", "currentNodeCount", "targetNodeCount", "nodeStateCounts", "errors" })
        {
            Assert.False(p.ContainsKey(key), key);
        }
        JsonAssert.Equal("""{"name":"Basic","tier":"Basic"}""", body["sku"]);
        Assert.Equal(["identity", "location", "properties", "sku", "tags"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        JsonAssert.Equal(
            """{"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai-train":{}}""",
            body["identity"]!["userAssignedIdentities"]);
    }

    [Fact]
    public void Online_endpoint_traffic_removed_from_the_body_and_returned_apart_authMode_and_identity_type_kept()
    {
        var endpoint = Fixtures.Load<OnlineEndpoint>("online-endpoint");
        var before = ArmJson.Serialize(endpoint);
        var plan = OnlineEndpointRecreate.Plan(endpoint);
        Assert.Equal(before, ArmJson.Serialize(endpoint));
        Assert.Equal(new Dictionary<string, int> { ["blue"] = 90, ["green"] = 10 }, plan.Traffic);
        Assert.Equal(new Dictionary<string, int> { ["green"] = 5 }, plan.MirrorTraffic);
        var body = Sent(plan.Body);
        var props = body["properties"]!.AsObject();
        foreach (var key in new[] { "traffic", "mirrorTraffic", "provisioningState", "scoringUri", "swaggerUri" })
        {
            Assert.False(props.ContainsKey(key), key);
        }
        Assert.Equal("AMLToken", props["authMode"]!.GetValue<string>());
        Assert.Equal("Disabled", props["publicNetworkAccess"]!.GetValue<string>());
        Assert.Equal("Churn model scoring", props["description"]!.GetValue<string>());
        JsonAssert.Equal("""{"type":"SystemAssigned"}""", body["identity"]);
        Assert.Equal("Managed", body["kind"]!.GetValue<string>());
        JsonAssert.Equal("""{"app":"churn"}""", body["tags"]);
        Assert.False(body.ContainsKey("id") || body.ContainsKey("name") || body.ContainsKey("systemData"));

        var final = Sent(OnlineEndpointRecreate.WithTraffic(plan.Body, plan.Traffic, plan.MirrorTraffic));
        JsonAssert.Equal("""{"blue":90,"green":10}""", final["properties"]!["traffic"]);
        JsonAssert.Equal("""{"green":5}""", final["properties"]!["mirrorTraffic"]);
        Assert.False(Sent(plan.Body)["properties"]!.AsObject().ContainsKey("traffic")); // the plan is not changed
    }

    [Fact]
    public void Endpoint_without_traffic_yields_empty_maps()
    {
        var endpoint = Fixtures.Load<OnlineEndpoint>("online-endpoint");
        endpoint = endpoint with { Properties = endpoint.Properties with { Traffic = null, MirrorTraffic = null } };
        var plan = OnlineEndpointRecreate.Plan(endpoint);
        Assert.Empty(plan.Traffic);
        var withTraffic = Sent(OnlineEndpointRecreate.WithTraffic(plan.Body, plan.Traffic));
        JsonAssert.Equal("{}", withTraffic["properties"]!["traffic"]);
        Assert.False(withTraffic["properties"]!.AsObject().ContainsKey("mirrorTraffic"));
    }

    [Fact]
    public void Online_deployment_keeps_everything_but_provisioning_state_and_identity_fields()
    {
        var deployment = Fixtures.Load<OnlineDeployment>("online-deployment");
        var body = Sent(OnlineEndpointRecreate.DeploymentBody(deployment));
        JsonAssert.Equal("""{"name":"Default","tier":"Standard","capacity":2}""", body["sku"]);
        var expected = FixtureNode("online-deployment")!["properties"]!.DeepClone().AsObject();
        expected.Remove("provisioningState");
        Assert.True(JsonNode.DeepEquals(expected, body["properties"]), body["properties"]!.ToJsonString());
        Assert.Equal(["kind", "location", "properties", "sku", "tags"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Online_deployment_identity_is_kept_without_its_service_assigned_fields()
    {
        var source = FixtureNode("online-deployment")!.AsObject();
        source["identity"] = JsonNode.Parse(
            """{"type":"UserAssigned","principalId":"p","tenantId":"t","userAssignedIdentities":{"/x/uai":{"principalId":"p2","clientId":"c2"}}}""");
        var deployment = ArmJson.Deserialize<OnlineDeployment>(source.ToJsonString());
        var body = Sent(OnlineEndpointRecreate.DeploymentBody(deployment));
        JsonAssert.Equal("""{"type":"UserAssigned","userAssignedIdentities":{"/x/uai":{}}}""", body["identity"]);
    }
}
