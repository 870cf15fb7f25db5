using Mnet.Core.Resources;
using Mnet.Emulator.Recording;

namespace Mnet.Workflows.Tests.Reliability;

/// <summary>
/// Port of tests/reliability/invariants.test.ts: each invariant check catches the violation it exists for, so the
/// reliability suites can fail.
/// </summary>
public sealed class ReliabilityInvariantsTests
{
    const string Compute = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/computes/cpu";
    const string Assignment = "/subscriptions/s/providers/Microsoft.Authorization/roleAssignments/11111111-1111-1111-1111-111111111111";

    long seq;

    RecordedRequest Req(string method, string path, int status)
    {
        seq++;
        return new RecordedRequest(seq, method, path, new Dictionary<string, string>(), status, DateTimeOffset.UnixEpoch.AddSeconds(seq), null);
    }

    static RoleAssignment Ra(string name, string scope, string principal, string role) => new()
    {
        Name = name,
        Properties = new RoleAssignmentProperties
        {
            Scope = scope, PrincipalId = principal, RoleDefinitionId = $"/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/{role}",
        },
    };

    [Fact]
    public void DeletedTwice_catches_a_second_accepted_DELETE_without_a_create_in_between_but_not_404s_or_recreations()
    {
        Assert.Empty(ReliabilityInvariants.DeletedTwice([Req("DELETE", Compute, 202), Req("PUT", Compute, 201), Req("DELETE", Compute, 202)]));
        Assert.Empty(ReliabilityInvariants.DeletedTwice([Req("DELETE", Compute, 202), Req("DELETE", Compute, 404), Req("DELETE", Compute, 503)]));

        var caught = ReliabilityInvariants.DeletedTwice([Req("DELETE", Compute, 202), Req("GET", Compute, 200), Req("DELETE", Compute.ToUpperInvariant(), 200)]);

        Assert.Single(caught);
        Assert.Contains("deleted again", caught[0], StringComparison.Ordinal);
    }

    [Fact]
    public void WritesDuring_reports_any_write_even_a_failed_one_but_not_reads_or_Resource_Graph_queries()
    {
        Assert.Empty(ReliabilityInvariants.WritesDuring([Req("GET", Compute, 200), Req("POST", "/providers/Microsoft.ResourceGraph/resources", 200)]));
        Assert.Single(ReliabilityInvariants.WritesDuring([Req("PATCH", "/subscriptions/s/x", 500)]));
        // A write whose connection was reset (status 0) still counts: the service may have acted on it.
        Assert.Single(ReliabilityInvariants.WritesDuring([Req("DELETE", Compute, 0)]));
    }

    [Fact]
    public void Role_assignments_duplicated_by_scope_principal_and_role_or_created_twice_are_caught()
    {
        Assert.Empty(ReliabilityInvariants.DuplicateRoleAssignments([Ra("a", "/x", "p1", "r"), Ra("b", "/x", "p2", "r"), Ra("c", "/y", "p1", "r")]));
        Assert.Single(ReliabilityInvariants.DuplicateRoleAssignments([Ra("a", "/x", "P1", "R"), Ra("b", "/X", "p1", "r")]));
        Assert.Empty(ReliabilityInvariants.RoleAssignmentsCreatedTwice([Req("PUT", Assignment, 201), Req("PUT", Assignment, 200), Req("PUT", Assignment, 409)]));
        Assert.Single(ReliabilityInvariants.RoleAssignmentsCreatedTwice([Req("PUT", Assignment, 201), Req("PUT", Assignment, 201)]));
    }
}
