using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Core.Resources;

namespace Mnet.Core.Tests.Resources;

public sealed class OutboundRuleJsonTests
{
    [Fact]
    public void Each_rule_type_reads_as_its_record_even_when_type_is_not_first()
    {
        var rules = ArmJson.Deserialize<Dictionary<string, OutboundRule>>("""
            {
              "f": {"destination":"pypi.org","category":"UserDefined","type":"FQDN"},
              "p": {"status":"Active","destination":{"serviceResourceId":"/x","subresourceTarget":"blob"},"type":"PrivateEndpoint"},
              "s": {"destination":{"serviceTag":"DataFactory","protocol":"TCP","portRanges":"443"},"type":"ServiceTag"}
            }
            """);
        Assert.Equal("pypi.org", Assert.IsType<FqdnOutboundRule>(rules["f"]).Destination);
        Assert.Equal("UserDefined", rules["f"].Category);
        Assert.Equal("blob", Assert.IsType<PrivateEndpointOutboundRule>(rules["p"]).Destination.SubresourceTarget);
        Assert.Equal("Active", rules["p"].Status);
        Assert.Equal("443", Assert.IsType<ServiceTagOutboundRule>(rules["s"]).Destination.PortRanges);
        Assert.All(rules.Values, r => Assert.Null(r.Extra));
    }

    [Theory]
    [InlineData("fqdn", typeof(FqdnOutboundRule))]
    [InlineData("FQDN", typeof(FqdnOutboundRule))]
    [InlineData("privateendpoint", typeof(PrivateEndpointOutboundRule))]
    [InlineData("SERVICETAG", typeof(ServiceTagOutboundRule))]
    public void The_type_is_matched_without_case(string type, Type expected)
    {
        var destination = expected == typeof(FqdnOutboundRule) ? "\"a.b\""
            : expected == typeof(PrivateEndpointOutboundRule) ? """{"serviceResourceId":"/x","subresourceTarget":"blob"}"""
            : """{"serviceTag":"t","protocol":"TCP","portRanges":"443"}""";
        var rule = ArmJson.Deserialize<OutboundRule>($$"""{"type":"{{type}}","destination":{{destination}}}""");
        Assert.IsType(expected, rule);
    }

    [Fact]
    public void Each_rule_writes_its_type_first()
    {
        OutboundRule rule = new FqdnOutboundRule { Destination = "pypi.org", Category = "UserDefined" };
        var written = ArmJson.Serialize(rule);
        Assert.StartsWith("""{"type":"FQDN",""", written);
        Assert.Contains("\"destination\":\"pypi.org\"", written);
        var tag = ArmJson.Serialize<OutboundRule>(new ServiceTagOutboundRule
        {
            Destination = new ServiceTagDestination { ServiceTag = "AzureMonitor", Protocol = "TCP", PortRanges = "443" },
        });
        Assert.StartsWith("""{"type":"ServiceTag",""", tag);
        var pe = ArmJson.Serialize<OutboundRule>(new PrivateEndpointOutboundRule
        {
            Destination = new PrivateEndpointDestination { ServiceResourceId = "/x", SubresourceTarget = "vault" },
        });
        Assert.StartsWith("""{"type":"PrivateEndpoint",""", pe);
    }

    [Fact]
    public void An_unknown_rule_type_is_kept_whole()
    {
        const string json = """{"category":"UserDefined","type":"FutureRule","destination":{"x":1},"errorInformation":null}""";
        var rule = ArmJson.Deserialize<OutboundRule>(json);
        var unknown = Assert.IsType<UnknownOutboundRule>(rule);
        Assert.Equal("FutureRule", unknown.Type);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(ArmJson.Serialize(rule))));
    }

    [Fact]
    public void A_rule_without_a_type_or_not_an_object_is_refused_clearly()
    {
        var error = Assert.Throws<JsonException>(() => ArmJson.Deserialize<OutboundRule>("""{"destination":"a.b"}"""));
        Assert.Contains("\"type\"", error.Message);
        Assert.Throws<JsonException>(() => ArmJson.Deserialize<OutboundRule>("\"FQDN\""));
        Assert.Throws<JsonException>(() => ArmJson.Deserialize<OutboundRule>("""{"type":"FQDN"}"""));
    }

    [Fact]
    public void Error_information_is_a_string_and_an_object_is_kept_as_its_json_text()
    {
        var asString = ArmJson.Deserialize<OutboundRule>("""{"type":"FQDN","destination":"a.b","errorInformation":"quota exceeded"}""");
        Assert.Equal("quota exceeded", asString.ErrorInformation);
        var asObject = ArmJson.Deserialize<OutboundRule>("""{"type":"FQDN","destination":"a.b","errorInformation":{"code":"C","message":"M"}}""");
        using var text = JsonDocument.Parse(asObject.ErrorInformation!);
        Assert.Equal("C", text.RootElement.GetProperty("code").GetString());
        Assert.Null(ArmJson.Deserialize<OutboundRule>("""{"type":"FQDN","destination":"a.b","errorInformation":null}""").ErrorInformation);
    }

    [Fact]
    public void Rule_resources_and_unknown_destination_properties_round_trip()
    {
        const string json = """
            {"id":"/r","name":"r1","type":"Microsoft.MachineLearningServices/workspaces/outboundRules",
             "properties":{"type":"PrivateEndpoint","destination":{"serviceResourceId":"/x","subresourceTarget":"blob","fqdns":["a"]},"errorInformation":null}}
            """;
        var resource = ArmJson.Deserialize<OutboundRuleResource>(json);
        Assert.IsType<PrivateEndpointOutboundRule>(resource.Properties);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(ArmJson.Serialize(resource))));
    }
}
