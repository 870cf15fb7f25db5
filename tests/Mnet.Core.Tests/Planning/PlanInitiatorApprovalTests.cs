using Mnet.Core.Catalog;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using static Mnet.Core.Tests.Planning.PlanFixtures;

namespace Mnet.Core.Tests.Planning;

/// <summary>
/// Fix 7 (seed 001): since 30 April 2025 the identity that initiates a private endpoint (the app's own, which writes
/// the outbound rule) needs the permission to approve the connection on the target too, not only the workspace
/// identity. Given the app's permissions as read on each target, the planner refuses up front, naming the role to grant.
/// </summary>
public class PlanInitiatorApprovalTests
{
    private static readonly string Search = ResId("Microsoft.Search", "searchServices", "srch01");
    private static readonly string Factory = ResId("Microsoft.DataFactory", "factories", "adf01");
    private static readonly string SearchApproval = ApproverRoles.ApprovalAction("Microsoft.Search/searchServices");

    private static readonly Mnet.Core.Policy.Policy BothTargets =
        MakePolicy(rules: [Pe("search", Search, "searchService"), Pe("adf", Factory, "dataFactory")]);

    private static ScopePermissions Grants(string scope, IReadOnlyList<string> actions, IReadOnlyList<string>? notActions = null) =>
        new(scope, [new RolePermission { Actions = actions, NotActions = notActions ?? [] }]);

    private static Plan PlanWith(Mnet.Core.Policy.Policy policy, IReadOnlyList<ScopePermissions>? permissions, Workspace? workspace = null) =>
        Planner.Plan(policy, new WorkspaceState
        {
            Workspace = workspace ?? MakeWorkspace(mode: IsolationMode.AllowOnlyApprovedOutbound, rules: RequiredRules()),
            InitiatorPermissions = permissions,
        });

    [Fact]
    public void A_new_private_endpoint_whose_target_the_app_may_not_approve_is_refused_up_front_naming_the_role_to_grant()
    {
        var p = PlanWith(BothTargets, [Grants(Search, ["Microsoft.Search/searchServices/read"]), Grants(Factory, ["*"])]);

        Assert.Equal("initiator-cannot-approve", p.Refused?.Rule);
        Assert.Contains(Search, p.Refused!.Reason);
        Assert.Contains(SearchApproval, p.Refused.Reason);
        Assert.Contains(ApproverRoles.BuiltIn.Name, p.Refused.Reason);
        Assert.DoesNotContain(Factory, p.Refused.Reason);
        Assert.Empty(p.Steps);
    }

    [Fact]
    public void An_uncovered_type_names_the_custom_role_and_its_approval_action()
    {
        var p = PlanWith(BothTargets, [Grants(Search, ["*"]), Grants(Factory, ["Microsoft.DataFactory/factories/read"])]);

        Assert.Equal("initiator-cannot-approve", p.Refused?.Rule);
        Assert.Contains(ApproverRoles.CustomApproverRoleName("Microsoft.DataFactory/factories"), p.Refused!.Reason);
        Assert.Contains(ApproverRoles.ApprovalAction("Microsoft.DataFactory/factories"), p.Refused.Reason);
    }

    [Fact]
    public void Wildcards_grant_and_notActions_take_away()
    {
        var granted = PlanWith(BothTargets, [Grants(Search, ["microsoft.search/*"]), Grants(Factory, ["*/privateEndpointConnectionsApproval/action"])]);
        Assert.Null(granted.Refused);
        Assert.Contains(granted.Steps, s => s is AddRuleStep);

        var taken = PlanWith(BothTargets, [Grants(Search, ["*"], ["Microsoft.Search/*/privateEndpointConnectionsApproval/action"]), Grants(Factory, ["*"])]);
        Assert.Equal("initiator-cannot-approve", taken.Refused?.Rule);
    }

    [Fact]
    public void Permissions_not_read_mean_no_check_and_a_target_that_could_not_be_read_is_a_warning()
    {
        Assert.Null(PlanWith(BothTargets, null).Refused);

        var p = PlanWith(BothTargets, [Grants(Search, ["*"])]);
        Assert.Null(p.Refused);
        Assert.True(p.HasWarning("initiator-permissions-unknown"));
        Assert.Contains(p.Warnings, w => w.Message.Contains(Factory, StringComparison.Ordinal));
    }

    [Fact]
    public void Only_rules_the_plan_adds_or_changes_are_checked_and_never_the_default_resources()
    {
        var ws = MakeWorkspace(mode: IsolationMode.AllowOnlyApprovedOutbound,
            rules: RequiredRules().With(("search", PeRule(Search, "searchService")), ("adf", PeRule(Factory, "dataFactory"))));
        Assert.True(PlanWith(BothTargets, [], ws).Compliant);

        var toStorage = MakePolicy(rules: [Pe("blob", Storage, "blob")]);
        var p = PlanWith(toStorage, []);
        Assert.Null(p.Refused);
        Assert.False(p.HasWarning("initiator-permissions-unknown"));
    }
}
