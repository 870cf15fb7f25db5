using Mnet.Workflows.Contracts;

namespace Mnet.Cli.Output;

/// <summary>One line per recorded step: <c>✔ set-isolation-mode succeeded: detail</c>.</summary>
public static class OutcomeLine
{
    public static string Status(StepStatus status) => status switch
    {
        StepStatus.Succeeded => "succeeded",
        StepStatus.Failed => "failed",
        StepStatus.Skipped => "skipped",
        StepStatus.Planned => "planned",
        StepStatus.Rejected => "rejected",
        StepStatus.TimedOut => "timed-out",
        _ => status.ToString(),
    };

    public static string Render(StepOutcome outcome, Style style)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var mark = outcome.Status switch
        {
            StepStatus.Succeeded => "✔",
            StepStatus.Planned => "·",
            StepStatus.Skipped => "-",
            _ => "✖",
        };
        var text = outcome.Error is { } error ? $"{error.Code}: {error.Message}" : outcome.Detail ?? "";
        var firstLine = text.Split('\n')[0];
        var line = $"{mark} {outcome.StepId} {Status(outcome.Status)}{(firstLine.Length > 0 ? $": {firstLine}" : "")}";
        return outcome.Status switch
        {
            StepStatus.Succeeded => style.Green(line),
            StepStatus.Failed or StepStatus.Rejected or StepStatus.TimedOut => style.Red(line),
            _ => line,
        };
    }
}
