using Mnet.Core.Catalog;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using static Mnet.Core.Tests.Planning.PlanFixtures;

namespace Mnet.Core.Tests.Planning;

/// <summary>Port of tests/planner/approver-roles.test.ts.</summary>
public class PlanApproverRolesTests
{
    private static readonly string Search = ResId("Microsoft.Search", "searchServices", "srch01");
    private static readonly string Factory = ResId("Microsoft.DataFactory", "factories", "adf01");
    private static readonly string BuiltinId =
        $"/subscriptions/{Sub}/providers/Microsoft.Authorization/roleDefinitions/{ApproverRoles.BuiltIn.RoleDefinitionGuid}";

    private static readonly Mnet.Core.Policy.Policy BothTargets =
        MakePolicy(rules: [Pe("search", Search, "searchService"), Pe("adf", Factory, "dataFactory")]);

    private static Workspace WithBothRules() => MakeWorkspace(
        mode: IsolationMode.AllowOnlyApprovedOutbound,
        rules: RequiredRules().With(("search", PeRule(Search, "searchService")), ("adf", PeRule(Factory, "dataFactory"))));

    private static IReadOnlyList<string> Planned(Plan p) =>
        [.. p.Steps.OfType<AssignApproverRolesStep>().SelectMany(s => s.Params.Assignments.Select(a => a.Scope))];

    [Fact]
    public void New_private_endpoints_to_non_default_targets_get_builtin_roles_where_covered_and_custom_otherwise()
    {
        var p = Planner.Plan(BothTargets, State(MakeWorkspace(mode: IsolationMode.AllowOnlyApprovedOutbound, rules: RequiredRules())));
        var step = p.Step<AssignApproverRolesStep>();
        Assert.Equal(2, step.Params.Assignments.Count);
        var (s, f) = (step.Params.Assignments[0], step.Params.Assignments[1]);
        Assert.Equal(Principal, s.PrincipalId);
        Assert.Equal(new BuiltinApproverRole(ApproverRoles.BuiltIn.Name, ApproverRoles.BuiltIn.RoleDefinitionGuid), s.Role);
        var custom = Assert.IsType<CustomApproverRole>(f.Role);
        Assert.Contains("Microsoft.DataFactory/factories/privateEndpointConnectionsApproval/action", custom.Actions);
        // Order: rules, then roles, then nothing else (network already active).
        Assert.Equal([StepKind.AddRule, StepKind.AddRule, StepKind.AssignApproverRoles], p.Kinds());
    }

    [Fact]
    public void Roles_already_present_are_not_assigned_again_and_without_custom_roles_the_uncovered_target_is_a_warning()
    {
        var policy = BothTargets with { ApproverRoles = new() { Assign = true, CustomRoleForUncoveredTypes = false } };
        var existing = new ExistingRoleAssignment(
            Search.ToUpperInvariant(),
            Principal,
            $"/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/{ApproverRoles.BuiltIn.RoleDefinitionGuid}");
        var p = Planner.Plan(policy, new WorkspaceState { Workspace = MakeWorkspace(mode: IsolationMode.AllowOnlyApprovedOutbound), RoleAssignments = [existing] });
        Assert.DoesNotContain(p.Steps, s => s is AssignApproverRolesStep);
        Assert.True(p.HasWarning("approver-role-uncovered"));
    }

    [Fact]
    public void With_known_assignments_a_compliant_rule_whose_role_is_missing_still_gets_the_role()
    {
        var policy = MakePolicy(rules: [Pe("search", Search, "searchService")]);
        var ws = MakeWorkspace(mode: IsolationMode.AllowOnlyApprovedOutbound, rules: RequiredRules().With(("search", PeRule(Search, "searchService"))));
        Assert.True(Planner.Plan(policy, State(ws)).Compliant); // unknown assignments: no churn
        var p = Planner.Plan(policy, new WorkspaceState { Workspace = ws, RoleAssignments = [] });
        Assert.Equal([StepKind.AssignApproverRoles], p.Kinds());
    }

    [Fact]
    public void Approver_roles_assign_off_gives_a_warning_instead_of_a_step()
    {
        var policy = MakePolicy(rules: [Pe("search", Search, "searchService")]) with
        {
            ApproverRoles = new() { Assign = false, CustomRoleForUncoveredTypes = false },
        };
        var p = Planner.Plan(policy, State(MakeWorkspace(mode: IsolationMode.AllowOnlyApprovedOutbound)));
        Assert.Equal([StepKind.AddRule], p.Kinds());
        Assert.True(p.HasWarning("approver-roles-manual"));
    }

    [Fact]
    public void A_builtin_role_assigned_at_the_targets_resource_group_or_subscription_in_any_case_covers_the_target()
    {
        var policy = MakePolicy(rules: [Pe("search", Search, "searchService")]);
        var ws = MakeWorkspace(mode: IsolationMode.AllowOnlyApprovedOutbound, rules: RequiredRules().With(("search", PeRule(Search, "searchService"))));
        Plan At(string scope) => Planner.Plan(policy, new WorkspaceState
        {
            Workspace = ws,
            RoleAssignments = [new ExistingRoleAssignment(scope, Principal.ToUpperInvariant(), BuiltinId)],
        });
        Assert.True(At($"/subscriptions/{Sub}/resourceGroups/{Rg}".ToUpperInvariant()).Compliant); // resource group scope
        Assert.True(At($"/subscriptions/{Sub}/").Compliant); // subscription scope
        Assert.Equal([Search], Planned(At($"/subscriptions/{Sub}/resourceGroups/{Rg}-other"))); // a sibling group does not cover it
        Assert.Equal([Search], Planned(At($"/subscriptions/{Sub}/resourceGroups/rg"))); // a prefix of the name is not a parent
    }

    [Fact]
    public void The_products_custom_approver_role_is_recognised_by_its_role_definition_id()
    {
        var customGuid = RoleNames.CustomApproverRoleGuid(ApproverRoles.CustomApproverRoleName("Microsoft.DataFactory/factories"), Factory);
        ExistingRoleAssignment[] roleAssignments =
        [
            new(Search, Principal, BuiltinId),
            new(Factory, Principal, $"/subscriptions/{Sub}/providers/Microsoft.Authorization/roleDefinitions/{customGuid}"),
        ];
        var p = Planner.Plan(BothTargets, new WorkspaceState { Workspace = WithBothRules(), RoleAssignments = roleAssignments });
        Assert.True(p.Compliant, string.Join(", ", p.Ids()));
        // Another role on the factory (e.g. Reader) does not cover it.
        const string reader = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
        var other = Planner.Plan(BothTargets, new WorkspaceState
        {
            Workspace = WithBothRules(),
            RoleAssignments = [roleAssignments[0], roleAssignments[1] with { RoleDefinitionId = reader }],
        });
        Assert.Equal([Factory], Planned(other));
    }

    [Fact]
    public void The_planner_derives_the_custom_role_exactly_as_the_definition_is_named()
    {
        var baseName = ApproverRoles.CustomApproverRoleName("Microsoft.DataFactory/factories");
        var definitionGuid = RoleNames.RoleDefinitionName(Factory, RoleNames.CustomRoleNameForTarget(baseName, Factory));
        Assert.Equal(definitionGuid, RoleNames.CustomApproverRoleGuid(baseName, Factory));
        Assert.Equal(definitionGuid, RoleNames.CustomApproverRoleGuid(baseName, Factory.ToUpperInvariant())); // scope case does not matter
        // Values the TypeScript reference computes for the same input: roles it defined are recognised.
        Assert.Equal("mnet-autopilot private endpoint approver (Microsoft.DataFactory/factories) [ad24d29a]", RoleNames.CustomRoleNameForTarget(baseName, Factory));
        Assert.Equal("5a33b160-bd1c-5be2-8c69-d49bdf436ac7", definitionGuid);
    }

    [Fact]
    public void Targets_outside_the_configured_subscriptions_get_no_role_assignment_only_a_refusal_naming_them()
    {
        var outside = ResId("Microsoft.Search", "searchServices", "srch-far", Rg, OtherSub);
        var policy = MakePolicy(rules: [Pe("far", outside, "searchService"), Pe("near", Search, "searchService")]);
        var ws = MakeWorkspace(mode: IsolationMode.AllowOnlyApprovedOutbound, rules: RequiredRules());
        var p = Planner.Plan(policy, State(ws), new PlanContext { SubscriptionsInScope = [Sub] });
        Assert.Equal([Search], Planned(p)); // only the target inside the configured subscriptions
        var refusal = p.Warnings.Single(w => w.Code == "target-outside-subscriptions");
        Assert.Equal(PlanWarningLevel.Refusal, refusal.Level);
        Assert.Contains(outside, refusal.Message, StringComparison.Ordinal);
        // Without a fence (no configured subscriptions given), both are planned.
        Assert.Equal([outside, Search], Planned(Planner.Plan(policy, State(ws))));
    }

    [Fact]
    public void A_pre_created_custom_approver_role_in_the_context_in_any_type_case_counts_as_assigned()
    {
        const string preCreated = "3f0c1a52-7d4e-4a8b-9c61-0d2e5b7a9f14";
        ExistingRoleAssignment[] roleAssignments =
        [
            new(Search, Principal, BuiltinId),
            new(Factory, Principal, $"/subscriptions/{Sub}/providers/Microsoft.Authorization/roleDefinitions/{preCreated}"),
        ];
        var state = new WorkspaceState { Workspace = WithBothRules(), RoleAssignments = roleAssignments };
        Assert.Equal([Factory], Planned(Planner.Plan(BothTargets, state))); // unknown role without the map
        var p = Planner.Plan(BothTargets, state, new PlanContext
        {
            CustomApproverRoles = new Dictionary<string, string> { ["microsoft.datafactory/FACTORIES"] = preCreated.ToUpperInvariant() },
        });
        Assert.True(p.Compliant, string.Join(", ", p.Ids()));
    }
}
