namespace Mnet.Service.Configuration;

/// <summary>
/// Reads each setting of the catalog from raw values (blank counts as absent), applies stand-ins and defaults, and runs
/// the per-setting checks. Cross-field rules are <see cref="MnetSettingsLoader"/>'s.
/// </summary>
public static class SettingsEvaluator
{
    public static SettingsEvaluation Evaluate(IReadOnlyDictionary<string, string?> raw, IReadOnlyList<SettingSpec>? catalog = null)
    {
        // Names without case: App Service and Windows treat setting names so.
        var given = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in raw)
        {
            if (value is not null && value.Trim().Length > 0) given[name] = value.Trim();
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<SettingProblem>();
        foreach (var spec in catalog ?? SettingCatalog.All)
        {
            if (given.TryGetValue(spec.Name, out var value))
            {
                if (spec.Validate?.Invoke(value) is { } problem) problems.Add(new(spec.Name, $"{spec.Name} {problem}"));
                values[spec.Name] = value;
                continue;
            }

            var alternative = spec.Alternatives.FirstOrDefault(a => given.ContainsKey(a.Name));
            if (alternative is not null)
            {
                var standIn = given[alternative.Name];
                if (alternative.Validate?.Invoke(standIn) is { } problem)
                {
                    problems.Add(new(spec.Name, $"{alternative.Name} {problem}"));
                }
                values[spec.Name] = alternative.AsValue(standIn);
                continue;
            }

            if (spec.Required)
            {
                var or = spec.Alternatives.Count > 0 ? $" (or {string.Join(" or ", spec.Alternatives.Select(a => a.Name))})" : "";
                problems.Add(new(spec.Name, $"{spec.Name} is required{or}: {spec.Description}"));
            }
            values[spec.Name] = spec.DefaultValue;
        }
        return new SettingsEvaluation(values, problems, given);
    }
}
