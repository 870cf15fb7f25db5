using System.Text.Json.Nodes;
using Mnet.Cli.Report;

namespace Mnet.Cli.Demo;

/// <summary>A request followed to its end: GET /requests/{id}'s final answer, the approvals given, its emulated times.</summary>
public sealed record FollowedRequest(string InstanceId, JsonObject View, IReadOnlyList<StepView> Approvals, DateTimeOffset StartedAt, DateTimeOffset FinishedAt)
{
    public string State => (string?)View["state"] ?? "";

    /// <summary>The output's result (applied, migrated, compliant, refused, ...), else the state.</summary>
    public string Result => View["result"] is JsonValue v && v.TryGetValue(out string? r) ? r : State;

    /// <summary>The refusal the onboarding recorded in its plan, when it refused.</summary>
    public (string Rule, string Reason)? Refusal =>
        View["plan"]?["refused"] is JsonObject refused && refused["rule"] is JsonValue rule && rule.TryGetValue(out string? ruleText)
            ? (ruleText, refused["reason"]?.ToString() ?? "")
            : null;
}
