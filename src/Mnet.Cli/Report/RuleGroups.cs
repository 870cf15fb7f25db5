namespace Mnet.Cli.Report;

/// <summary>Rules grouped by type, in the order both diagrams draw them: private endpoints first (they carry targets).</summary>
public static class RuleGroups
{
    static readonly (string Type, string Title)[] Order =
    [
        ("PrivateEndpoint", "Private endpoints"),
        ("FQDN", "FQDN rules"),
        ("ServiceTag", "Service tags"),
    ];

    public static IReadOnlyList<RuleGroup> Of(IReadOnlyList<RuleView> rules)
    {
        var groups = new List<RuleGroup>();
        foreach (var (type, title) in Order)
        {
            var matching = Sorted(rules.Where(r => r.Type == type));
            if (matching.Count > 0) groups.Add(new RuleGroup(type, title, matching, RowsOf(type, matching)));
        }

        var other = Sorted(rules.Where(r => Order.All(o => o.Type != r.Type)));
        if (other.Count > 0) groups.Add(new RuleGroup("Other", "Other rules", other, RowsOf("Other", other)));
        return groups;
    }

    /// <summary>What a rule points at, in one short line: <c>stdata/blob</c>, <c>pypi.org</c>, <c>DataFactory TCP 443</c>.</summary>
    public static string TargetText(RuleView rule) =>
        rule.Target is { } t ? $"{t.ResourceName}/{t.Subresource}" : rule.Destination;

    /// <summary>
    /// The service adds Required service-tag and FQDN rules of its own (a dozen on a provisioned workspace): folded into
    /// one line so the user's rules stand out. Private endpoints always stay one line each (their targets are the point).
    /// </summary>
    static List<RuleRow> RowsOf(string type, IReadOnlyList<RuleView> rules)
    {
        bool foldable = type is "ServiceTag" or "FQDN";
        var required = foldable ? rules.Where(r => r.Category == "Required").ToList() : [];
        var rows = rules.Where(r => !required.Contains(r)).Select(r => new RuleRow(r)).ToList();
        if (required.Count > 1)
        {
            var statuses = required.Select(r => r.Status ?? "unknown").Distinct(StringComparer.Ordinal).ToList();
            rows.Add(new RuleRow(
                null,
                required.Count,
                $"required by the service ({required.Count})",
                string.Join(", ", required.Select(r => type == "ServiceTag" ? r.Destination.Split(' ')[0] : r.Destination)),
                statuses.Count == 1 ? statuses[0] : "mixed"));
        }
        else
        {
            rows.AddRange(required.Select(r => new RuleRow(r)));
        }

        return rows;
    }

    static List<RuleView> Sorted(IEnumerable<RuleView> rules) => [.. rules.OrderBy(r => r.Name, StringComparer.Ordinal)];
}
