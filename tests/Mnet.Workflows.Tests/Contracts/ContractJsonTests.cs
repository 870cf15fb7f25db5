using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Core.Planning;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Contracts;

/// <summary>Everything that travels through Durable history survives the worker's JSON unchanged.</summary>
public sealed class ContractJsonTests
{
    static T RoundTrip<T>(T value) =>
        (T)WorkflowJson.Converter.Deserialize(WorkflowJson.Converter.Serialize(value), typeof(T))!;

    [Fact]
    public void A_policy_with_every_rule_type_round_trips()
    {
        var policy = TestPolicies.From(new JsonObject
        {
            ["scope"] = new JsonObject { ["subscriptions"] = TestPolicies.Array(["00000000-0000-0000-0000-000000000001"]) },
            ["managed_network"] = new JsonObject
            {
                ["isolation_mode"] = "allow_only_approved_outbound",
                ["outbound_rules"] = new JsonArray(
                    new JsonObject { ["name"] = "pypi", ["type"] = "fqdn", ["destination"] = "pypi.org" },
                    new JsonObject
                    {
                        ["name"] = "st-datafactory", ["type"] = "service_tag",
                        ["destination"] = new JsonObject { ["service_tag"] = "DataFactory", ["protocol"] = "TCP", ["port_ranges"] = "443" },
                    },
                    new JsonObject
                    {
                        ["name"] = "pe-search", ["type"] = "private_endpoint",
                        ["destination"] = new JsonObject
                        {
                            ["service_resource_id"] = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Search/searchServices/s",
                            ["subresource_target"] = "searchService",
                        },
                    }),
            },
        });

        var back = RoundTrip(policy);

        Assert.Equal(JsonSerializer.Serialize(policy, WorkflowJson.Options), JsonSerializer.Serialize(back, WorkflowJson.Options));
        Assert.Equal(["fqdn", "service_tag", "private_endpoint"], back.ManagedNetwork.OutboundRules.Select(r => r.Type));
    }

    [Fact]
    public void Outputs_and_statuses_use_the_wire_names()
    {
        var outcome = new StepOutcome("s", "add-rule", StepStatus.TimedOut, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        string json = WorkflowJson.Converter.Serialize(new OrchestrationCustomStatus { Phase = OrchestrationPhase.WaitingForApproval, Outcomes = [outcome] })!;

        Assert.Contains("\"phase\":\"waiting-for-approval\"", json);
        Assert.Contains("\"status\":\"timed-out\"", json);
        Assert.DoesNotContain("null", json);
        Assert.Equal(outcome, RoundTrip(outcome));
        Assert.Equal(rigTimings, RoundTrip(rigTimings));
    }

    static readonly WorkflowTimings rigTimings = new() { TimeScale = 600 };
}
