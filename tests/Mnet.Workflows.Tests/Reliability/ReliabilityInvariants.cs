using System.Text.Json;
using Mnet.Arm;
using Mnet.Core.Resources;
using Mnet.Emulator.Recording;
using Mnet.Workflows.Tests.Migration;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Reliability;

/// <summary>
/// Invariants over the emulator's request log and state (TS tests/reliability/support/invariants). Each check returns
/// the violations it found (empty when the invariant holds), so a test asserts <c>Assert.Empty(...)</c> and a failure
/// names every offender.
/// </summary>
public static class ReliabilityInvariants
{
    /// <summary>A dry run must not write anything, failed attempts (and reset connections) included.</summary>
    public static IReadOnlyList<string> WritesDuring(IEnumerable<RecordedRequest> requests) =>
        [.. requests.Where(WorkflowRig.IsWrite).Select(r => $"{r.Method} {r.Path} -> {r.Status}")];

    /// <summary>
    /// No resource deleted twice: between two accepted DELETEs of the same resource there must be an accepted PUT that
    /// created it again. (A DELETE answered 404 deleted nothing.)
    /// </summary>
    public static IReadOnlyList<string> DeletedTwice(IEnumerable<RecordedRequest> requests)
    {
        var deleted = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var output = new List<string>();
        foreach (var r in requests.OrderBy(r => r.Seq))
        {
            if (!Accepted(r)) continue;
            if (r.Method == "DELETE")
            {
                if (deleted.GetValueOrDefault(r.Path)) output.Add($"{r.Path} deleted again (request #{r.Seq})");
                deleted[r.Path] = true;
            }
            else if (r.Method == "PUT")
            {
                deleted[r.Path] = false;
            }
        }

        return output;
    }

    /// <summary>scope | principal | role GUID, lower case: what makes two assignments the same grant.</summary>
    public static string RoleKey(RoleAssignment assignment) =>
        string.Join('|',
            (assignment.Properties.Scope ?? "").ToLowerInvariant(),
            assignment.Properties.PrincipalId.ToLowerInvariant(),
            assignment.Properties.RoleDefinitionId.Split('/')[^1].ToLowerInvariant());

    /// <summary>Role assignments exactly once per scope + principal + role.</summary>
    public static IReadOnlyList<string> DuplicateRoleAssignments(IEnumerable<RoleAssignment> assignments) =>
        [.. assignments.GroupBy(RoleKey).Where(g => g.Count() > 1).Select(g => $"{g.Key} assigned {g.Count()} times")];

    /// <summary>Role-assignment PUTs that created one (201) more than once under the same assignment name.</summary>
    public static IReadOnlyList<string> RoleAssignmentsCreatedTwice(IEnumerable<RecordedRequest> requests) =>
        [.. requests
            .Where(r => r.Method == "PUT" && r.Status == 201 && r.Path.Contains("/providers/Microsoft.Authorization/roleAssignments/", StringComparison.OrdinalIgnoreCase))
            .GroupBy(r => r.Path, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} created {g.Count()} times")];

    /// <summary>Every role assignment the emulator holds, as ARM shapes it.</summary>
    public static IReadOnlyList<RoleAssignment> RoleAssignments(Emulator.RunningEmulator emulator) =>
        [.. emulator.State.Read(s => s.RoleAssignments.All()).Select(a => ArmJson.Deserialize<RoleAssignment>(a.ToJsonString()))];

    /// <summary>Every compute, endpoint and deployment that existed before exists again with the same definition.</summary>
    public static async Task<IReadOnlyList<string>> RestoredDifferencesAsync(IArmClient arm, MigrationFixture before)
    {
        string ws = before.WorkspaceId;
        var output = new List<string>();
        var computes = (await arm.ListComputesAsync(ws)).ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var c in before.Computes)
        {
            if (!computes.TryGetValue(c.Name, out var now)) output.Add($"{ws}: compute {c.Name} missing");
            else if (!JsonElement.DeepEquals(Definitions.Of(c), Definitions.Of(now))) output.Add($"{ws}: compute {c.Name} changed");
            else if (now.Properties.ProvisioningState != "Succeeded") output.Add($"{ws}: compute {c.Name} is {now.Properties.ProvisioningState ?? "?"}");
        }

        if (computes.Count != before.Computes.Count) output.Add($"{ws}: {computes.Count} computes, expected {before.Computes.Count}");
        var endpoints = (await arm.ListOnlineEndpointsAsync(ws)).ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var built in before.Endpoints)
        {
            string name = built.Endpoint.Name;
            if (!endpoints.TryGetValue(name, out var now))
            {
                output.Add($"{ws}: endpoint {name} missing");
                continue;
            }

            if (!JsonElement.DeepEquals(Definitions.Of(built.Endpoint), Definitions.Of(now))) output.Add($"{ws}: endpoint {name} changed");
            var deployments = (await arm.ListOnlineDeploymentsAsync($"{ws}/onlineEndpoints/{name}")).ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
            foreach (var d in built.Deployments)
            {
                if (!deployments.TryGetValue(d.Name, out var nowDeployment)) output.Add($"{ws}: deployment {name}/{d.Name} missing");
                else if (!JsonElement.DeepEquals(Definitions.Of(d), Definitions.Of(nowDeployment))) output.Add($"{ws}: deployment {name}/{d.Name} changed");
            }
        }

        return output;
    }

    static bool Accepted(RecordedRequest r) => r.Status is >= 200 and < 300;
}
