using System.Text.Json.Nodes;

namespace Mnet.Cli.Demo;

/// <summary>Which ticket goes first, and what a plan will do in a few words (the phase titles).</summary>
public static class RemediationOrder
{
    /// <summary>Hubs before their projects, migrations (the long ones) last; otherwise the scan's order.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<(string WorkspaceId, JsonObject Plan)> plans) =>
    [
        .. plans.Select((p, i) => (p.WorkspaceId, Rank: Rank(p.Plan), i))
            .OrderBy(p => p.Rank).ThenBy(p => p.i)
            .Select(p => p.WorkspaceId),
    ];

    public static string Headline(JsonObject plan)
    {
        var parts = new List<string>();
        int rules = 0;
        foreach (var step in Steps(plan))
        {
            string kind = (string?)step["kind"] ?? "";
            switch (kind)
            {
                case "migrate-computes":
                    int computes = (step["params"]?["computes"] as JsonArray)?.Count ?? 0;
                    int endpoints = (step["params"]?["onlineEndpoints"] as JsonArray)?.Count ?? 0;
                    parts.Add($"compute migration with approval ({Count(computes, "compute")}, {Count(endpoints, "online endpoint")})");
                    break;
                case "set-isolation-mode":
                    parts.Add($"{step["params"]?["from"]} -> {step["params"]?["to"]}");
                    break;
                case "assign-approver-roles":
                    parts.Add("approver roles");
                    break;
                case "provision-network":
                    parts.Add("provisioning");
                    break;
                case "govern-through-hub":
                    parts.Add("governed through its hub");
                    break;
                case "add-rule" or "update-rule" or "remove-rule":
                    rules++;
                    break;
            }
        }

        if (rules > 0) parts.Add(Count(rules, "rule change"));
        return parts.Count > 0 ? string.Join(", ", parts) : Count(Steps(plan).Count(), "step");
    }

    /// <summary><c>kind: reason (needs approval, irreversible)</c>.</summary>
    public static string StepLine(JsonObject step)
    {
        var flags = new List<string>();
        if (step["flags"]?["needsApproval"] is JsonValue a && a.TryGetValue(out bool approval) && approval) flags.Add("needs approval");
        if (step["flags"]?["irreversible"] is JsonValue i && i.TryGetValue(out bool irreversible) && irreversible) flags.Add("irreversible");
        return $"{step["kind"]}: {step["reason"]}{(flags.Count > 0 ? $" ({string.Join(", ", flags)})" : "")}";
    }

    public static IEnumerable<JsonObject> Steps(JsonObject plan) =>
        plan["steps"] is JsonArray steps ? steps.OfType<JsonObject>() : [];

    static int Rank(JsonObject plan) =>
        ((string?)plan["kind"]) switch { "Hub" => 0, "Project" => 1, _ => 2 }
        + (Steps(plan).Any(s => (string?)s["kind"] == "migrate-computes") ? 10 : 0);

    static string Count(int n, string word) => $"{n} {word}{(n == 1 ? "" : "s")}";
}
