using System.Globalization;
using System.Text.Json.Nodes;
using Mnet.Cli.Report;

namespace Mnet.Cli.Demo;

/// <summary>What a followed request adds to its workspace's record: its steps, its orchestration row, its errors.</summary>
public static class RequestRecords
{
    public static void Add(WorkspaceNotes notes, FollowedRequest followed, string trigger, Func<DateTimeOffset, DateTimeOffset> toEmulated)
    {
        var view = followed.View;
        string orchestration = Text(view, "orchestration") ?? "onboardWorkspace";
        var steps = view["outcomes"] is JsonArray outcomes ? outcomes.OfType<JsonObject>().Select(o => StepOf(o, orchestration, toEmulated)).ToList() : [];
        notes.Steps.AddRange(steps);
        notes.Steps.AddRange(followed.Approvals);
        notes.Steps.Sort((a, b) => a.StartedAt != b.StartedAt ? a.StartedAt.CompareTo(b.StartedAt) : (b.Kind == "approval").CompareTo(a.Kind == "approval"));
        var started = steps.Count > 0 ? steps.Min(s => s.StartedAt) : followed.StartedAt;
        var finished = steps.Count > 0 ? steps.Max(s => s.FinishedAt) : followed.FinishedAt;
        notes.Orchestrations.Add(new OrchestrationView
        {
            Name = orchestration,
            InstanceId = followed.InstanceId,
            RuntimeStatus = Text(view, "runtimeStatus") ?? "",
            Result = Text(view, "result"),
            Trigger = trigger,
            StartedAt = started < followed.StartedAt ? started : followed.StartedAt,
            FinishedAt = finished,
        });
        if (view["errors"] is JsonArray errors)
        {
            foreach (var e in errors.OfType<JsonObject>()) notes.Warnings.Add($"{Text(e, "code")}: {Text(e, "message")}");
        }
    }

    static StepView StepOf(JsonObject o, string orchestration, Func<DateTimeOffset, DateTimeOffset> toEmulated) => new()
    {
        Orchestration = orchestration,
        StepId = Text(o, "stepId") ?? "",
        Kind = Text(o, "kind") ?? "",
        Status = (Text(o, "status") ?? "").ToLowerInvariant(),
        StartedAt = toEmulated(Time(o, "startedAt")),
        FinishedAt = toEmulated(Time(o, "finishedAt")),
        Detail = Text(o, "detail"),
        Error = o["error"] is JsonObject e ? $"{Text(e, "code")}: {Text(e, "message")}" : null,
    };

    static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    static DateTimeOffset Time(JsonObject o, string name) =>
        Text(o, name) is { } iso && DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : DateTimeOffset.MinValue;
}
