using System.Text.RegularExpressions;

namespace Mnet.Infra.Tests.Checks;

/// <summary>No role anywhere in infra holds role-definition writes or a wildcard that implies them; no broad built-in role.</summary>
public static class NeverGrantedCheck
{
    /// <summary>Actions that must appear in no role anywhere in infra (the app must never be able to rewrite roles).</summary>
    public static IReadOnlyList<string> NeverGrantedActions { get; } =
    [
        "Microsoft.Authorization/roleDefinitions/write",
        "Microsoft.Authorization/roleDefinitions/*",
        "Microsoft.Authorization/*",
        "Microsoft.Authorization/*/write",
        "*",
        "*/read",
        "*/write",
    ];

    /// <summary>Built-in roles never assigned to the app (wildcard reads, Microsoft.Authorization/*, or everything).</summary>
    public static IReadOnlyDictionary<string, string> ForbiddenBuiltInRoles { get; } = new Dictionary<string, string>
    {
        ["Role Based Access Control Administrator"] = "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
        ["User Access Administrator"] = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
        ["Owner"] = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
        ["Contributor"] = "b24988ac-6180-42a0-ab88-20f7382dd24c",
        ["Reader"] = "acdd72a7-3385-48ef-bd42-f606fba81ae7",
    };

    public static IReadOnlyList<string> NeverGranted(IReadOnlyDictionary<string, string> texts)
    {
        var never = NeverGrantedActions.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var (file, text) in texts)
        {
            var literals = file.EndsWith(".json", StringComparison.Ordinal)
                ? Regex.Matches(text, "\"((?:[^\"\\\\]|\\\\.)*)\"").Select(m => m.Groups[1].Value).ToList()
                : BicepText.StringLiterals(BicepText.StripComments(text));
            problems.AddRange(literals.Where(never.Contains).Select(l => $"{file} grants {l}"));
        }
        return problems;
    }

    public static IReadOnlyList<string> NoBroadBuiltInRoles(IReadOnlyDictionary<string, string> texts)
    {
        var problems = new List<string>();
        foreach (var (file, text) in texts)
        {
            var code = file.EndsWith(".json", StringComparison.Ordinal) ? text : BicepText.StripComments(text);
            foreach (var (name, guid) in ForbiddenBuiltInRoles)
            {
                if (code.Contains(guid, StringComparison.OrdinalIgnoreCase)) problems.Add($"{file} refers to the built-in {name} role ({guid})");
            }
        }
        return problems;
    }
}
