using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mnet.Infra.Tests.Checks;

/// <summary>(c), (d) Built-in role GUIDs: well-formed, equal to verified values, and the approver role the app uses.</summary>
public static partial class RoleGuidsCheck
{
    /// <summary>infra/roles.json as name -> lower-cased GUID (ignoring $-keys), with problems for anything not a GUID.</summary>
    public static (IReadOnlyDictionary<string, string> Roles, IReadOnlyList<string> Problems) ParseRolesJson(string json)
    {
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return (roles, [$"roles.json is not JSON: {e.Message}"]);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (roles, ["roles.json is not an object"]);
            foreach (var property in document.RootElement.EnumerateObject().Where(p => !p.Name.StartsWith('$')))
            {
                var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.ToString();
                if (property.Value.ValueKind != JsonValueKind.String || !Mnet.Service.Configuration.SettingValidators.IsGuid(value))
                {
                    problems.Add($"roles.json {property.Name} is not a well-formed GUID: {value}");
                }
                else
                {
                    roles[property.Name] = value.ToLowerInvariant();
                }
            }
        }
        return (roles, problems);
    }

    /// <summary>
    /// Every GUID-like literal in the Bicep text is well-formed, roles.json holds the verified built-in values, and
    /// every <c>roles.NAME</c> the Bicep uses exists.
    /// </summary>
    public static IReadOnlyList<string> Check(string bicep, string rolesJson, IReadOnlyDictionary<string, string> verified)
    {
        var (roles, parseProblems) = ParseRolesJson(rolesJson);
        var problems = parseProblems.ToList();
        foreach (var (key, guid) in verified)
        {
            if (!roles.TryGetValue(key, out var actual)) problems.Add($"roles.json lacks {key}");
            else if (actual != guid.ToLowerInvariant()) problems.Add($"roles.json {key} is {actual}, expected {guid}");
        }
        var code = BicepText.StripComments(bicep);
        foreach (var literal in BicepText.StringLiterals(code))
        {
            var guidLike = GuidLike().IsMatch(literal) && literal.Count(c => c == '-') >= 3;
            if (guidLike && !Mnet.Service.Configuration.SettingValidators.IsGuid(literal)) problems.Add($"malformed GUID literal in infra: {literal}");
        }
        // `roles.<key>` in code, not the file name in loadJsonContent('../roles.json').
        foreach (Match m in RolesReference().Matches(code))
        {
            if (!roles.ContainsKey(m.Groups[1].Value)) problems.Add($"Bicep uses roles.{m.Groups[1].Value}, which roles.json does not define");
        }
        return problems.Distinct(StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<string> CheckApproverRole(string rolesJson, string approverGuid)
    {
        var (roles, problems) = ParseRolesJson(rolesJson);
        if (!roles.TryGetValue("azureAiEnterpriseNetworkConnectionApprover", out var inInfra))
        {
            return [.. problems, "roles.json lacks azureAiEnterpriseNetworkConnectionApprover"];
        }
        return inInfra == approverGuid.ToLowerInvariant()
            ? problems
            : [.. problems, $"approver role GUID in infra is {inInfra}, the app uses {approverGuid}"];
    }

    [GeneratedRegex("^[0-9a-fA-F-]{28,40}$")]
    private static partial Regex GuidLike();

    [GeneratedRegex(@"(?<![\w/.'-])roles\.([A-Za-z0-9_]+)")]
    private static partial Regex RolesReference();
}
