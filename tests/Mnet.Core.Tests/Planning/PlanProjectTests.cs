using Mnet.Core.Planning;
using Mnet.Core.Resources;
using static Mnet.Core.Tests.Planning.PlanFixtures;

namespace Mnet.Core.Tests.Planning;

/// <summary>Port of tests/planner/plan-project.test.ts.</summary>
public class PlanProjectTests
{
    private static readonly string HubId = WsId("hub1");

    [Fact]
    public void A_project_is_governed_through_its_hub_with_one_step_and_nothing_else()
    {
        var project = MakeWorkspace(name: "proj1", kind: "Project", mode: IsolationMode.Disabled, hubResourceId: HubId);
        var p = Planner.Plan(MakePolicy() with { PublicNetworkAccess = "disabled" }, new WorkspaceState { Workspace = project, Computes = [] });
        Assert.Equal([StepKind.GovernThroughHub], p.Kinds());
        var step = Assert.IsType<GovernThroughHubStep>(p.Steps[0]);
        Assert.Equal(HubId, step.Target);
        Assert.Equal(HubId, step.Params.HubResourceId);
        Assert.Null(step.Params.HubCompliant);
    }

    [Fact]
    public void A_project_whose_hub_is_known_and_drifted_names_the_hub_reasons_and_a_compliant_hub_makes_it_compliant()
    {
        var project = MakeWorkspace(name: "proj1", kind: "Project", hubResourceId: HubId);
        var driftedHub = MakeWorkspace(name: "hub1", kind: "Hub", mode: IsolationMode.AllowInternetOutbound);
        var p = Planner.Plan(MakePolicy(), new WorkspaceState { Workspace = project, Hub = driftedHub });
        var step = Assert.IsType<GovernThroughHubStep>(p.Steps[0]);
        Assert.False(step.Params.HubCompliant);
        Assert.Contains("hub1 is not compliant: isolation mode is AllowInternetOutbound", step.Reason, StringComparison.Ordinal);

        var goodHub = MakeWorkspace(name: "hub1", kind: "Hub", mode: IsolationMode.AllowOnlyApprovedOutbound);
        Assert.True(Planner.Plan(MakePolicy(), new WorkspaceState { Workspace = project, Hub = goodHub }).Compliant);
    }

    [Fact]
    public void A_project_without_a_hub_id_is_refused()
    {
        var p = Planner.Plan(MakePolicy(), State(MakeWorkspace(name: "proj1", kind: "Project")));
        Assert.Equal("project-without-hub", p.Refused?.Rule);
    }
}
