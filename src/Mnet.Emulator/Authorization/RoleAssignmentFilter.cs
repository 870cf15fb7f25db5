using System.Text.RegularExpressions;
using Mnet.Emulator.Http;

namespace Mnet.Emulator.Authorization;

/// <summary>
/// The role assignment list <c>$filter</c>: <c>atScope()</c>, <c>principalId eq '{id}'</c>, <c>assignedTo('{id}')</c>,
/// combinable with <c>and</c>. Anything else is 400 UnsupportedQuery.
/// </summary>
public sealed partial record RoleAssignmentFilter(bool AtScope, string? PrincipalId)
{
    public static RoleAssignmentFilter Parse(string? filter)
    {
        var result = new RoleAssignmentFilter(false, null);
        if (string.IsNullOrWhiteSpace(filter))
        {
            return result;
        }

        foreach (var clause in And().Split(filter.Trim()))
        {
            var c = clause.Trim();
            Match m;
            if (AtScopeClause().IsMatch(c))
            {
                result = result with { AtScope = true };
            }
            else if ((m = PrincipalClause().Match(c)).Success || (m = AssignedToClause().Match(c)).Success)
            {
                result = result with { PrincipalId = m.Groups[1].Value };
            }
            else
            {
                throw ArmErrors.BadRequest("UnsupportedQuery", $"The filter '{filter}' is not supported. " +
                    "Supported: atScope(), principalId eq '{id}', assignedTo('{id}').");
            }
        }

        return result;
    }

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex And();

    [GeneratedRegex(@"^atScope\(\)$", RegexOptions.IgnoreCase)]
    private static partial Regex AtScopeClause();

    [GeneratedRegex(@"^principalId\s+eq\s+'([^']+)'$", RegexOptions.IgnoreCase)]
    private static partial Regex PrincipalClause();

    [GeneratedRegex(@"^assignedTo\('([^']+)'\)$", RegexOptions.IgnoreCase)]
    private static partial Regex AssignedToClause();
}
