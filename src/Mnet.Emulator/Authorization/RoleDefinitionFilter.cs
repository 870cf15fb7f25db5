using System.Text.RegularExpressions;
using Mnet.Emulator.Http;

namespace Mnet.Emulator.Authorization;

/// <summary>The role definition list <c>$filter</c>: <c>roleName eq '{name}'</c> or <c>type eq 'BuiltInRole|CustomRole'</c>.</summary>
public sealed partial record RoleDefinitionFilter(string? RoleName, string? Type)
{
    public static RoleDefinitionFilter Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return new RoleDefinitionFilter(null, null);
        }

        var name = NameClause().Match(filter.Trim());
        if (name.Success)
        {
            return new RoleDefinitionFilter(name.Groups[1].Value, null);
        }

        var type = TypeClause().Match(filter.Trim());
        if (type.Success)
        {
            return new RoleDefinitionFilter(null, type.Groups[1].Value);
        }

        throw ArmErrors.BadRequest("UnsupportedQuery", $"The filter '{filter}' is not supported. " +
            "Supported: roleName eq '{name}', type eq '{BuiltInRole|CustomRole}'.");
    }

    [GeneratedRegex(@"^roleName\s+eq\s+'([^']*)'$", RegexOptions.IgnoreCase)]
    private static partial Regex NameClause();

    [GeneratedRegex(@"^type\s+eq\s+'([^']*)'$", RegexOptions.IgnoreCase)]
    private static partial Regex TypeClause();
}
