using Mnet.Core.Catalog;

namespace Mnet.Service.Configuration;

/// <summary>
/// MNET_CUSTOM_APPROVER_ROLES: <c>&lt;resourceType&gt;=&lt;roleDefinitionGuid&gt;</c> pairs separated by <c>;</c>,
/// written by infra from the custom approver roles it pre-creates. Types must be private endpoint target types the
/// built-in approver role does not cover (catalog); keys come back in the catalog's spelling.
/// </summary>
public static class CustomApproverRolesSetting
{
    public static CustomApproverRolesParse Parse(string value)
    {
        var roles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var pair in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var type = eq < 0 ? "" : pair[..eq].Trim();
            var guid = eq < 0 ? "" : pair[(eq + 1)..].Trim();
            var known = PrivateEndpointTargets.Find(type);
            if (eq < 0) problems.Add($"\"{pair}\" is not <resourceType>=<roleDefinitionGuid>");
            else if (known is null) problems.Add($"{(type.Length > 0 ? type : "(empty)")} is not a private endpoint target type");
            else if (known.ApproverRoleCovers)
            {
                problems.Add($"{known.ResourceType} is covered by the built-in approver role: no custom role is used for it");
            }
            else if (!SettingValidators.IsGuid(guid))
            {
                problems.Add($"{(guid.Length > 0 ? guid : "(empty)")} (for {known.ResourceType}) is not a role definition GUID");
            }
            else if (!roles.TryAdd(known.ResourceType, guid.ToLowerInvariant()))
            {
                problems.Add($"{known.ResourceType} is listed twice");
            }
        }
        return new CustomApproverRolesParse(roles, problems);
    }
}
