namespace Mnet.Cli.Report;

/// <summary>
/// The network diagram of one workspace as a Mermaid flowchart (GitHub and most Markdown viewers draw it): the
/// workspace node with its mode, one subgraph per rule type, private endpoint rules pointing at their targets,
/// statuses as node classes. Pure.
/// </summary>
public static class NetworkMermaid
{
    static readonly string[] ClassDefs =
    [
        "classDef ws fill:#ffffff,stroke:#1f2937,stroke-width:2px",
        "classDef good fill:#dcfce7,stroke:#166534,color:#166534",
        "classDef idle fill:#e5e7eb,stroke:#4b5563,color:#374151",
        "classDef busy fill:#fef3c7,stroke:#92400e,color:#92400e",
        "classDef bad fill:#fee2e2,stroke:#991b1b,color:#991b1b",
        "classDef target fill:#eff6ff,stroke:#1d4ed8,color:#1e3a8a",
    ];

    /// <summary>The diagram's lines, without the fence.</summary>
    public static IReadOnlyList<string> Render(string name, string kind, NetworkView view)
    {
        var lines = new List<string> { "flowchart LR" };
        string wsLabel = string.Join("<br/>",
            $"<b>{ReportEscape.Mermaid(name)}</b>",
            ReportEscape.Mermaid($"{kind} workspace"),
            ReportEscape.Mermaid(ReportFormat.ModeLabel(view.IsolationMode)),
            ReportEscape.Mermaid($"network: {view.NetworkStatus ?? "unknown"}, firewall: {view.FirewallSku ?? "none"}"),
            ReportEscape.Mermaid($"public access: {view.PublicNetworkAccess ?? "unknown"}"));
        lines.Add($"  ws[\"{wsLabel}\"]:::ws");
        var groups = RuleGroups.Of(view.Rules);
        if (groups.Count == 0) lines.AddRange(["  none[\"no outbound rules\"]:::idle", "  ws --- none"]);
        var targets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int n = 0;
        for (int g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            string groupId = $"g{g}";
            lines.Add($"  subgraph {groupId}[\"{ReportEscape.Mermaid($"{group.Title} ({group.Rules.Count})")}\"]");
            var ruleIds = new Dictionary<RuleView, string>(ReferenceEqualityComparer.Instance);
            foreach (var row in group.Rows)
            {
                string id = $"r{n++}";
                if (row.Rule is not { } rule)
                {
                    lines.Add($"    {id}[\"{string.Join("<br/>", new[] { row.FoldedName, row.FoldedText, row.FoldedStatus }.Select(ReportEscape.Mermaid))}\"]:::{Tones.ClassOf(Tones.Of(row.FoldedStatus))}");
                    continue;
                }

                ruleIds[rule] = id;
                string detail = rule.Target is null ? rule.Destination : rule.Target.Subresource;
                var parts = new List<string> { rule.Name, detail };
                if (!string.IsNullOrEmpty(rule.Status)) parts.Add(rule.Status);
                lines.Add($"    {id}[\"{string.Join("<br/>", parts.Select(ReportEscape.Mermaid))}\"]:::{Tones.ClassOf(Tones.Of(rule.Status))}");
            }

            lines.Add("  end");
            lines.Add($"  ws --> {groupId}");
            foreach (var rule in group.Rules)
            {
                if (rule.Target is not { } target || !ruleIds.TryGetValue(rule, out string? ruleId)) continue;
                if (!targets.TryGetValue(target.ResourceId, out string? targetId))
                {
                    targetId = $"t{targets.Count}";
                    targets[target.ResourceId] = targetId;
                    lines.Add($"  {targetId}[(\"{ReportEscape.Mermaid(target.ResourceName)}<br/>{ReportEscape.Mermaid(ShortType(target.ResourceType))}\")]:::target");
                }

                lines.Add($"  {ruleId} -.-> {targetId}");
            }
        }

        lines.AddRange(ClassDefs.Select(c => "  " + c));
        return lines;
    }

    /// <summary><c>Microsoft.Storage/storageAccounts</c> -> <c>storageAccounts</c>.</summary>
    static string ShortType(string resourceType)
    {
        int slash = resourceType.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 || slash == resourceType.Length - 1 ? resourceType : resourceType[(slash + 1)..];
    }
}
