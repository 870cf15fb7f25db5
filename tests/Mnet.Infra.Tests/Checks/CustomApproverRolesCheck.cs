using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mnet.Infra.Tests.Checks;

/// <summary>infra/custom-approver-roles.json equals the catalog, and the module, main.bicep and the app setting wire it.</summary>
public static class CustomApproverRolesCheck
{
    /// <summary>One pre-created role per uncovered catalog type; actions and base name from the catalog.</summary>
    public static IReadOnlyList<string> CheckFile(string json, ApproverCatalog catalog)
    {
        IReadOnlyList<ApproverRoleFileEntry> entries;
        try
        {
            entries = Parse(json);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return [$"custom-approver-roles.json is not a roles file: {e.Message}"];
        }
        var problems = new List<string>();
        var types = entries.Select(e => e.ResourceType).ToList();
        problems.AddRange(catalog.UncoveredTypes.Where(t => !types.Contains(t)).Select(t => $"no pre-created custom approver role for {t} (catalog: approver role does not cover it)"));
        problems.AddRange(types.Where(t => !catalog.UncoveredTypes.Contains(t)).Select(t => $"custom approver role for {(t.Length > 0 ? t : "(no type)")}, which is not an uncovered catalog type"));
        problems.AddRange(types.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => $"custom approver role for {g.Key} listed twice"));
        foreach (var entry in entries.Where(e => catalog.UncoveredTypes.Contains(e.ResourceType)))
        {
            var want = catalog.ActionsOf(entry.ResourceType);
            var actions = entry.Actions ?? [];
            var same = actions.Count == entry.RawActionCount && actions.Order(StringComparer.Ordinal).SequenceEqual(want.Order(StringComparer.Ordinal));
            if (!same) problems.Add($"custom approver role for {entry.ResourceType}: actions [{string.Join(", ", actions)}] differ from CustomApproverRoleActions: [{string.Join(", ", want)}]");
            if (entry.RoleName != catalog.NameOf(entry.ResourceType))
            {
                problems.Add($"custom approver role for {entry.ResourceType}: roleName {entry.RoleName} is not CustomApproverRoleName: {catalog.NameOf(entry.ResourceType)}");
            }
        }
        return problems;
    }

    /// <summary>
    /// The module defines one role per file entry (actions from the file, assignable in every governed subscription,
    /// deterministic GUID); main.bicep deploys it once and feeds its GUIDs to every target module's ABAC allow-list and its
    /// setting string to the app (MNET_CUSTOM_APPROVER_ROLES).
    /// </summary>
    public static IReadOnlyList<string> CheckWiring(string module, string main, string functionApp, string roleModule)
    {
        var problems = new List<string>();
        var mod = BicepText.StripComments(module);
        var mainCode = BicepText.StripComments(main);
        var fa = BicepText.StripComments(functionApp);
        var role = BicepText.StripComments(roleModule);
        (string Pattern, string What)[] required =
        [
            (@"\bvar\s+approverRoles\s*=\s*loadJsonContent\('\.\./custom-approver-roles\.json'\)\.roles\b", "the role list from infra/custom-approver-roles.json"),
            (@"resource\s+\w+\s+'Microsoft\.Authorization/roleDefinitions@[^']+'\s*=\s*\[for\s+\(role,\s*i\)\s+in\s+approverRoles\s*:", "one role definition per file entry"),
            (@"\bname\s*:\s*roleGuids\[i\]", "role definitions named by the deterministic GUIDs"),
            (@"\bvar\s+roleGuids\s*=\s*\[for\s+role\s+in\s+approverRoles\s*:\s*guid\(tenant\(\)\.tenantId,\s*environmentName,", "GUIDs deterministic per tenant, environment and type"),
            (@"\bactions\s*:\s*role\.actions\b", "actions exactly the file entry's"),
            (@"\bvar\s+assignableScopes\s*=\s*\[for\s+id\s+in\s+assignableSubscriptionIds\s*:\s*'/subscriptions/\$\{id\}'\]", "assignable scopes = every governed subscription"),
            (@"\bassignableScopes\s*:\s*assignableScopes\b", "role definitions using those assignable scopes"),
            (@"\boutput\s+roleDefinitionGuids\s+string\[\]\s*=\s*roleGuids\b", "an output of the GUIDs"),
            (@"\boutput\s+setting\s+string\s*=\s*join\(map\(range\(0,\s*length\(approverRoles\)\),\s*i\s*=>\s*'\$\{approverRoles\[i\]\.resourceType\}=\$\{roleGuids\[i\]\}'\),\s*';'\)", "the setting output as <type>=<guid> pairs joined by \";\""),
        ];
        problems.AddRange(required.Where(r => !Regex.IsMatch(mod, r.Pattern)).Select(r => $"custom-approver-roles.bicep lacks {r.What}"));
        var m = Regex.Match(mainCode, @"module\s+(\w+)\s+'modules/custom-approver-roles\.bicep'\s*=\s*\{([\s\S]*?)\n\}");
        if (!m.Success) return [.. problems, "main.bicep does not deploy modules/custom-approver-roles.bicep"];
        var symbol = m.Groups[1].Value;
        if (!Regex.IsMatch(m.Groups[2].Value, @"scope\s*:\s*subscription\(targets\[0\]\)"))
        {
            problems.Add("the custom approver roles are not created in a governed subscription (scope: subscription(targets[0]))");
        }
        if (!Regex.IsMatch(m.Groups[2].Value, @"assignableSubscriptionIds\s*:\s*targets\b")) problems.Add("the custom approver roles are not assignable in every governed subscription");
        if (!Regex.IsMatch(mainCode, $@"customApproverRoles\s*:\s*{symbol}\.outputs\.setting\b")) problems.Add("the function app does not get the custom approver roles setting from the module");
        if (!Regex.IsMatch(mainCode, $@"customApproverRoleGuids\s*:\s*{symbol}\.outputs\.roleDefinitionGuids\b")) problems.Add("the target subscriptions' ABAC allow-list does not get the pre-created role GUIDs");
        if (!Regex.IsMatch(fa, @"\{\s*name\s*:\s*'MNET_CUSTOM_APPROVER_ROLES'\s*,\s*value\s*:\s*customApproverRoles\s*\}")) problems.Add("the function app does not set MNET_CUSTOM_APPROVER_ROLES from the pre-created roles");
        if (!Regex.IsMatch(role, @"^param\s+customApproverRoleGuids\s+string\[\]\s*$", RegexOptions.Multiline)) problems.Add("target-subscription.bicep customApproverRoleGuids must be a required string[] (fed from the pre-created roles)");
        if (Regex.IsMatch(mainCode, @"customApproverRoleGuidsCsv|param\s+customApproverRoleGuids\b")) problems.Add("main.bicep still takes hand-listed custom approver role GUIDs");
        return problems;
    }

    /// <summary>The MNET_CUSTOM_APPROVER_ROLES value the module's <c>setting</c> output produces for the given GUIDs.</summary>
    public static string SimulatedSetting(string json, Func<string, string> guidOf) =>
        string.Join(';', Parse(json).Select(e => $"{e.ResourceType}={guidOf(e.ResourceType)}"));

    private static IReadOnlyList<ApproverRoleFileEntry> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("roles").EnumerateArray().Select(role =>
        {
            var type = role.TryGetProperty("resourceType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
            var name = role.TryGetProperty("roleName", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var raw = role.TryGetProperty("actions", out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToList() : [];
            var actions = raw.Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList();
            return new ApproverRoleFileEntry(type, name, actions, raw.Count);
        }).ToList();
    }
}
