using Mnet.Core.Planning;
using Mnet.Core.Resources;
using static Mnet.Core.Tests.Planning.PlanFixtures;

namespace Mnet.Core.Tests.Planning;

/// <summary>Port of tests/planner/plan-modes.test.ts.</summary>
public class PlanModesTests
{
    private static readonly string[] StepIdsOnboarding = ["set-isolation-mode", "add-rule:pypi", "add-rule:conda", "provision-network"];

    [Fact]
    public void Disabled_to_approved_with_fqdn_rules_is_irreversible_costly_and_takes_40_minutes()
    {
        var policy = MakePolicy(rules: [Fqdn("pypi", "pypi.org"), Fqdn("conda", "*.anaconda.com")]);
        var p = Planner.Plan(policy, new WorkspaceState { Workspace = MakeWorkspace(mode: IsolationMode.Disabled), Computes = [], OnlineEndpoints = [] });
        Assert.False(p.Compliant);
        Assert.Null(p.Refused);
        var mode = p.Step<SetIsolationModeStep>();
        Assert.True(mode.Flags.Irreversible);
        Assert.True(mode.Flags.NeedsApproval);
        Assert.Equal(StepIdsOnboarding, p.Ids());
        var pypi = Assert.IsType<AddRuleStep>(p.Steps.Single(s => s.Id == "add-rule:pypi"));
        Assert.True(pypi.Flags.Costly);
        Assert.True(pypi.Params.AddsFirstFqdnRule);
        var conda = Assert.IsType<AddRuleStep>(p.Steps.Single(s => s.Id == "add-rule:conda"));
        Assert.False(conda.Flags.Costly); // only the first FQDN rule creates the firewall
        var provision = p.Step<ProvisionNetworkStep>();
        Assert.Equal(40, provision.EstimatedMinutes);
        Assert.True(provision.Params.AddsFirstFqdnRule);
        Assert.True(provision.Flags.Costly);
        Assert.Equal(40, p.EstimatedMinutes);
        var fw = p.Warnings.Single(w => w.Code == "firewall-cost");
        Assert.Contains("Azure Firewall (Standard SKU)", fw.Message, StringComparison.Ordinal);
        Assert.Contains("10 minutes", fw.Message, StringComparison.Ordinal);
        Assert.True(p.HasWarning("provisioning-cost"));
        Assert.True(p.HasWarning("mode-change-irreversible"));
    }

    [Fact]
    public void The_firewall_warning_names_the_sku_the_policy_picks()
    {
        var policy = MakePolicy(rules: [Fqdn("pypi", "pypi.org")], firewallSku: "basic");
        var p = Planner.Plan(policy, new WorkspaceState { Workspace = MakeWorkspace(mode: IsolationMode.Disabled), Computes = [] });
        Assert.Contains("Basic SKU", p.Warnings.Single(w => w.Code == "firewall-cost").Message, StringComparison.Ordinal);
        Assert.Equal("Basic", p.Step<SetFirewallSkuStep>().Params.To);
    }

    [Fact]
    public void No_first_fqdn_surcharge_when_an_fqdn_rule_already_exists()
    {
        var policy = MakePolicy(rules: [Fqdn("pypi", "pypi.org"), Fqdn("conda", "*.anaconda.com")]);
        var ws = MakeWorkspace(mode: IsolationMode.AllowOnlyApprovedOutbound, status: "Inactive", rules: RequiredRules().With(("pypi", FqdnRule("pypi.org"))));
        var p = Planner.Plan(policy, State(ws));
        Assert.Equal(30, p.Step<ProvisionNetworkStep>().EstimatedMinutes);
        Assert.False(p.HasWarning("firewall-cost"));
        Assert.Equal(["add-rule:conda", "provision-network"], p.Ids());
    }

    [Fact]
    public void Internet_to_disabled_is_refused_with_the_catalog_reason_and_no_steps()
    {
        var p = Planner.Plan(MakePolicy(IsolationMode.Disabled), State(MakeWorkspace(mode: IsolationMode.AllowInternetOutbound)));
        Assert.False(p.Compliant);
        Assert.Equal("mode-transition", p.Refused?.Rule);
        Assert.Contains("cannot be disabled once enabled", p.Refused?.Reason, StringComparison.Ordinal);
        Assert.Empty(p.Steps);
        Assert.Equal(0, p.EstimatedMinutes);
    }

    [Fact]
    public void Approved_to_internet_is_refused()
    {
        var p = Planner.Plan(MakePolicy(IsolationMode.AllowInternetOutbound), State(MakeWorkspace(mode: IsolationMode.AllowOnlyApprovedOutbound)));
        Assert.Equal("mode-transition", p.Refused?.Rule);
        Assert.Contains("cannot be changed to allow_internet_outbound", p.Refused?.Reason, StringComparison.Ordinal);
        Assert.Empty(p.Steps);
    }

    [Fact]
    public void Internet_to_approved_is_allowed_but_irreversible_and_needs_confirmation()
    {
        var p = Planner.Plan(MakePolicy(), State(MakeWorkspace(mode: IsolationMode.AllowInternetOutbound)));
        Assert.Null(p.Refused);
        var mode = Assert.IsType<SetIsolationModeStep>(p.Steps[0]);
        Assert.Equal(IsolationMode.AllowInternetOutbound, mode.Params.From);
        Assert.Equal(IsolationMode.AllowOnlyApprovedOutbound, mode.Params.To);
        Assert.True(mode.Params.RequiresConfirmation);
        Assert.True(mode.Flags.Irreversible);
        Assert.True(mode.Flags.NeedsApproval);
        Assert.Contains(p.Warnings, w => w.Code == "mode-change-needs-confirmation" && w.StepId == "set-isolation-mode");
        // Already managed: no compute migration, and no "computes unknown" warning either.
        Assert.DoesNotContain(p.Steps, s => s is MigrateComputesStep);
        Assert.False(p.HasWarning("computes-unknown"));
    }

    [Fact]
    public void Disabled_to_approved_does_not_need_the_confirmation_the_sdk_note_asks_for()
    {
        var p = Planner.Plan(MakePolicy(), new WorkspaceState { Workspace = MakeWorkspace(mode: IsolationMode.Disabled), Computes = [] });
        var mode = p.Step<SetIsolationModeStep>();
        Assert.False(mode.Params.RequiresConfirmation);
        Assert.True(mode.Flags.Irreversible);
    }

    [Fact]
    public void A_compliant_approved_workspace_gives_an_empty_plan()
    {
        var policy = MakePolicy(rules: [Fqdn("pypi", "pypi.org")]);
        var ws = MakeWorkspace(mode: IsolationMode.AllowOnlyApprovedOutbound, rules: RequiredRules().With(("pypi", FqdnRule("PyPI.org"))));
        var p = Planner.Plan(policy, new WorkspaceState { Workspace = ws, Computes = [] });
        Assert.True(p.Compliant);
        Assert.Empty(p.Steps);
        Assert.Equal(0, p.EstimatedMinutes);
    }

    [Fact]
    public void Disabled_policy_on_a_disabled_workspace_with_nothing_else_is_compliant()
    {
        var p = Planner.Plan(MakePolicy(IsolationMode.Disabled), State(MakeWorkspace(mode: IsolationMode.Disabled)));
        Assert.True(p.Compliant);
        Assert.Empty(p.Steps);
    }

    [Fact]
    public void A_workspace_without_managed_network_counts_as_disabled()
    {
        var ws = MakeWorkspace();
        ws = ws with { Properties = ws.Properties with { ManagedNetwork = null } };
        var p = Planner.Plan(MakePolicy(IsolationMode.Disabled), State(ws));
        Assert.Equal(IsolationMode.Disabled, p.ActualMode);
        Assert.True(p.Compliant);
    }

    [Fact]
    public void Policy_settings_left_unset_are_left_alone_and_set_ones_are_enforced()
    {
        var ws = MakeWorkspace(mode: IsolationMode.AllowOnlyApprovedOutbound, publicNetworkAccess: "Enabled");
        ws = ws with { Properties = ws.Properties with { ImageBuildCompute = "old-cluster" } };
        Assert.True(Planner.Plan(MakePolicy(), State(ws)).Compliant);
        var p = Planner.Plan(MakePolicy() with { PublicNetworkAccess = "disabled", ImageBuildCompute = "cpu-cluster" }, State(ws));
        Assert.Equal([StepKind.SetPublicNetworkAccess, StepKind.SetImageBuildCompute], p.Kinds());
        var pna = Assert.IsType<SetPublicNetworkAccessStep>(p.Steps[0]);
        Assert.Equal("Disabled", pna.Params.To);
        Assert.True(pna.Flags.Disruptive);
    }

    [Fact]
    public void An_unprovisioned_network_is_provisioned_with_provision_now_and_only_warned_about_otherwise()
    {
        var ws = MakeWorkspace(mode: IsolationMode.AllowOnlyApprovedOutbound, status: "Inactive");
        var on = Planner.Plan(MakePolicy(), State(ws));
        Assert.Equal([StepKind.ProvisionNetwork], on.Kinds());
        var off = Planner.Plan(MakePolicy() with { Provisioning = new() { ProvisionNow = false, IncludeSpark = false } }, State(ws));
        Assert.True(off.Compliant);
        Assert.True(off.HasWarning("network-provisioned-lazily"));
    }

    [Fact]
    public void Serverless_spark_provisioning_includes_spark_and_warns_while_public_access_stays_enabled()
    {
        var policy = MakePolicy() with { Provisioning = new() { ProvisionNow = true, IncludeSpark = true } };
        var p = Planner.Plan(policy, new WorkspaceState { Workspace = MakeWorkspace(mode: IsolationMode.Disabled), Computes = [] });
        Assert.True(p.Step<ProvisionNetworkStep>().Params.IncludeSpark);
        Assert.True(p.HasWarning("spark-public-access"));
        Assert.True(p.HasWarning("spark-without-storage-rule"));
    }

    [Fact]
    public void A_workspace_in_a_subscription_the_app_is_not_configured_for_is_refused()
    {
        var p = Planner.Plan(MakePolicy(), State(MakeWorkspace()), new PlanContext { SubscriptionsInScope = ["00000000-0000-0000-0000-0000000000ff"] });
        Assert.Equal("subscription-not-allowed", p.Refused?.Rule);
    }

    [Fact]
    public void A_plan_for_a_workspace_outside_the_policy_scope_carries_a_warning()
    {
        var policy = MakePolicy() with { Scope = Scope(subscriptions: ["00000000-0000-0000-0000-0000000000ff"]) };
        var p = Planner.Plan(policy, State(MakeWorkspace(mode: IsolationMode.AllowOnlyApprovedOutbound)));
        Assert.True(p.HasWarning("out-of-scope"));
    }

    [Fact]
    public void A_mode_the_workspace_does_not_list_in_changeable_isolation_modes_is_refused_quoting_the_list()
    {
        var ws = MakeWorkspace(mode: IsolationMode.AllowInternetOutbound);
        Workspace WithChangeable(IReadOnlyList<IsolationMode>? modes) =>
            ws with { Properties = ws.Properties with { ManagedNetwork = ws.Properties.ManagedNetwork! with { ChangeableIsolationModes = modes } } };

        var p = Planner.Plan(MakePolicy(), State(WithChangeable([IsolationMode.AllowInternetOutbound])));
        Assert.Equal("mode-transition", p.Refused?.Rule);
        Assert.Contains("[AllowInternetOutbound]", p.Refused?.Reason, StringComparison.Ordinal);
        Assert.Empty(p.Steps);
        // Listed: planned as usual; absent: the catalog decides (also allowed).
        Assert.Equal(StepKind.SetIsolationMode, Planner.Plan(MakePolicy(), State(WithChangeable([IsolationMode.AllowOnlyApprovedOutbound]))).Steps[0].Kind);
        Assert.Equal(StepKind.SetIsolationMode, Planner.Plan(MakePolicy(), State(WithChangeable(null))).Steps[0].Kind);
    }
}
