namespace Mnet.Infra.Tests.Checks;

/// <summary>The README explains every ARM action; API versions are stable and consistent.</summary>
public static class DocsCheck
{
    public static IReadOnlyList<string> ReadmePermissions(string readme, IReadOnlyList<string> actions) =>
        actions.Where(a => !readme.Contains($"`{a}`", StringComparison.Ordinal)).Select(a => $"infra/README.md does not explain {a}").ToList();

    public static IReadOnlyList<string> ApiVersions(string bicep)
    {
        var problems = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, version) in BicepText.ResourceTypeVersions(bicep))
        {
            if (version.Contains("preview", StringComparison.OrdinalIgnoreCase)) problems.Add($"{type} uses a preview API version {version}");
            if (seen.TryGetValue(type, out var prior) && prior != version) problems.Add($"{type} uses both {prior} and {version}");
            seen[type] = version;
        }
        return problems;
    }
}
