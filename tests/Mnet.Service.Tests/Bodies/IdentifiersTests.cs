using System.Text.Json.Nodes;
using Mnet.Core.Planning;
using Mnet.Core.Policy;
using Mnet.Service.Bodies;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Bodies;

/// <summary>Port of tests/service/identifiers.test.ts.</summary>
public sealed class IdentifiersTests
{
    [Fact]
    public void Resource_group_names_follow_the_catalog_unicode_letters_accepted_a_trailing_dot_refused()
    {
        var submit = RequestBodies.Submit(new JsonObject
        {
            ["workspaceId"] = WsId("ws1", "rg-müller"),
            ["requestedBy"] = "alice@example.com",
            ["ticketId"] = "INC1",
        }, requesterRequired: true);
        Assert.Empty(submit.Problems);
        IEnumerable<string> Create(string resourceGroup) => RequestBodies.CreateWorkspace(new JsonObject
        {
            ["subscriptionId"] = Sub, ["resourceGroup"] = resourceGroup, ["name"] = "ws1", ["location"] = "eastus", ["kind"] = "Default",
            ["requestedBy"] = "alice@example.com", ["ticketId"] = "INC1",
        }, false).Problems.Select(p => p.Path);
        Assert.Empty(Create("rg-müller"));
        Assert.Equal(["resourceGroup"], Create("rg."));
    }

    [Fact]
    public void Creatable_workspace_kinds_come_from_the_catalog()
    {
        JsonObject Body(string kind) => new()
        {
            ["subscriptionId"] = Sub, ["resourceGroup"] = "rg-ml", ["name"] = "ws1", ["location"] = "eastus", ["kind"] = kind, ["ticketId"] = "INC1",
        };
        Assert.Empty(RequestBodies.CreateWorkspace(Body("Hub"), false).Problems);
        var featureStore = RequestBodies.CreateWorkspace(Body("FeatureStore"), false).Problems;
        Assert.Equal("kind", featureStore[0].Path);
        Assert.Contains("Default, Hub, Project", featureStore[0].Message);
    }

    [Fact]
    public void The_event_fence_judges_policy_scope_by_id_with_the_planners_matcher()
    {
        // Built directly, as the TS fixture did: the validator itself refuses padded names, the matcher must not care.
        var policy = new Policy
        {
            Name = "test-policy",
            Scope = new PolicyScope { Subscriptions = [Sub], ResourceGroups = ["RG-ML"], Exclude = [" Legacy-WS "] },
            ManagedNetwork = new PolicyManagedNetwork { IsolationMode = Mnet.Core.Resources.IsolationMode.AllowInternetOutbound },
        };
        Assert.True(ScopeCheck.IsInScopeById(policy, WsId("ws1")).InScope);
        Assert.Contains("excluded", ScopeCheck.IsInScopeById(policy, WsId("legacy-ws")).Reason);
        Assert.Contains("subscription", ScopeCheck.IsInScopeById(policy, WsId("ws1", "rg-ml", OtherSub)).Reason);
        Assert.Contains("resource group rg-other", ScopeCheck.IsInScopeById(policy, WsId("ws1", "rg-other")).Reason);
    }
}
