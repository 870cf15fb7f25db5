using Mnet.Core.Planning;
using Mnet.Core.Resources;
using static Mnet.Core.Tests.Planning.PlanFixtures;

namespace Mnet.Core.Tests.Planning;

/// <summary>Port of tests/planner/plan-prerequisites.test.ts.</summary>
public class PlanPrerequisitesTests
{
    private static readonly Mnet.Core.Policy.Policy ApprovedPolicy = MakePolicy(rules: [Fqdn("pypi", "pypi.org")]);
    private static readonly string RgId = $"/subscriptions/{Sub}/resourceGroups/{Rg}";
    private static readonly ScopeLock RgLock = new($"{RgId}/providers/Microsoft.Authorization/locks/do-not-delete", "do-not-delete", "CanNotDelete", RgId);
    private static readonly ScopeLock WsLock = new($"{WsId("ws1")}/providers/Microsoft.Authorization/locks/ro", "ro", "ReadOnly", WsId("ws1"));
    private static readonly WorkspacePrerequisites Ok = new() { Locks = [], NetworkProviderRegistered = true };

    private static WorkspaceState Disabled(WorkspacePrerequisites? prerequisites = null) => new()
    {
        Workspace = MakeWorkspace(mode: IsolationMode.Disabled),
        Computes = [],
        OnlineEndpoints = [],
        Prerequisites = prerequisites,
    };

    private static WorkspaceState CompliantApproved(WorkspacePrerequisites prerequisites) => new()
    {
        Workspace = MakeWorkspace(mode: IsolationMode.AllowOnlyApprovedOutbound, rules: RequiredRules().With(("pypi", FqdnRule("pypi.org")))),
        Computes = [],
        OnlineEndpoints = [],
        Prerequisites = prerequisites,
    };

    [Fact]
    public void Prerequisites_met_the_plan_stands_without_a_prerequisite_warning()
    {
        var p = Planner.Plan(ApprovedPolicy, Disabled(Ok));
        Assert.Null(p.Refused);
        Assert.NotEmpty(p.Steps);
        Assert.False(p.HasWarning("prerequisites-unknown"));
    }

    [Fact]
    public void Scope_locks_refuse_a_plan_that_writes_naming_each_lock_its_level_and_scope()
    {
        var p = Planner.Plan(ApprovedPolicy, Disabled(new WorkspacePrerequisites { Locks = [RgLock, WsLock], NetworkProviderRegistered = true }));
        Assert.Equal("scope-lock", p.Refused?.Rule);
        Assert.False(p.Compliant);
        Assert.Empty(p.Steps);
        Assert.Equal(0, p.EstimatedMinutes);
        var reason = p.Refused?.Reason ?? "";
        Assert.Contains($"CanNotDelete lock \"do-not-delete\" on {RgId}", reason, StringComparison.Ordinal);
        Assert.Contains($"ReadOnly lock \"ro\" on {WsId("ws1")}", reason, StringComparison.Ordinal);
        Assert.Contains("Remove the locks (or exclude the workspace from the policy) and retry", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scope_lock_on_a_compliant_workspace_refuses_nothing()
    {
        var p = Planner.Plan(ApprovedPolicy, CompliantApproved(new WorkspacePrerequisites { Locks = [RgLock], NetworkProviderRegistered = false }));
        Assert.True(p.Compliant, string.Join(", ", p.Ids()));
        Assert.Null(p.Refused);
    }

    [Fact]
    public void Network_provider_not_registered_refuses_enabling_the_managed_network_with_the_register_command()
    {
        var p = Planner.Plan(ApprovedPolicy, Disabled(new WorkspacePrerequisites { Locks = [], NetworkProviderRegistered = false }));
        Assert.Equal("network-provider-not-registered", p.Refused?.Rule);
        Assert.Empty(p.Steps);
        Assert.Contains($"subscription {Sub}", p.Refused?.Reason, StringComparison.Ordinal);
        Assert.Contains("az provider register --namespace Microsoft.Network", p.Refused?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Network_provider_not_registered_lets_a_plan_stand_that_neither_enables_nor_provisions()
    {
        // Already managed and active; only public network access changes.
        var policy = ApprovedPolicy with { PublicNetworkAccess = "disabled" };
        var p = Planner.Plan(policy, CompliantApproved(new WorkspacePrerequisites { Locks = [], NetworkProviderRegistered = false }));
        Assert.Null(p.Refused);
        Assert.NotEmpty(p.Steps);
        Assert.DoesNotContain(p.Steps, s => s is ProvisionNetworkStep or SetIsolationModeStep);
    }

    [Fact]
    public void Network_provider_registration_unknown_is_not_refused()
    {
        var p = Planner.Plan(ApprovedPolicy, Disabled(new WorkspacePrerequisites { Locks = [] }));
        Assert.Null(p.Refused);
    }

    [Fact]
    public void Prerequisites_not_read_only_warn_that_they_were_not_checked()
    {
        var p = Planner.Plan(ApprovedPolicy, Disabled());
        Assert.Null(p.Refused);
        Assert.NotEmpty(p.Steps);
        var w = p.Warnings.Single(x => x.Code == "prerequisites-unknown");
        Assert.Contains("Microsoft.Network", w.Message, StringComparison.Ordinal);
    }
}
