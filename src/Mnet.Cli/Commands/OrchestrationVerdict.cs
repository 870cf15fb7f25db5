using Microsoft.DurableTask.Client;
using Mnet.Cli.Output;
using Mnet.Cli.Runtime;
using Mnet.Workflows.Contracts;

namespace Mnet.Cli.Commands;

/// <summary>
/// The exit code of a finished orchestration: 0 for an ok result (printed as <c>result: X</c>), 1 for a negative
/// verdict (refused, rejected, timed out), 3 (thrown) for a failure; then how long it took, real and emulated.
/// </summary>
public static class OrchestrationVerdict
{
    public static int Exit(
        string name, OrchestrationRun run, string? result, IReadOnlyList<OrchestrationError> errors,
        IReadOnlyCollection<string> okResults, LiveProgress progress, Style style, CliRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(errors);
        var final = run.Final;
        if (final.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            var message = final.FailureDetails?.ErrorMessage ?? final.RuntimeStatus.ToString();
            throw new RuntimeFailureException($"{name} failed: {message.Split('\n')[0]}");
        }

        var first = errors.Count > 0 ? errors[0] : null;
        Timing(run, progress, style, runtime);
        if (result is not null && okResults.Contains(result))
        {
            progress.Line(style.Green($"result: {result}"));
            return ExitCode.Ok;
        }

        if (result is null or "failed")
        {
            throw new RuntimeFailureException($"{name} ended failed{(first is null ? "" : $": {first.Code}: {first.Message}")}");
        }

        progress.Line(style.Red($"result: {result}{(first is null ? "" : $" ({first.Code}: {first.Message})")}"));
        return ExitCode.Failed;
    }

    /// <summary>"Took 3 s (started 2026-01-01T10:00:00Z, real UTC); emulated time passed: 45 min".</summary>
    private static void Timing(OrchestrationRun run, LiveProgress progress, Style style, CliRuntime runtime)
    {
        var emulated = runtime.Emulated?.Between(run.StartedAt, run.FinishedAt);
        progress.Line(style.Dim(
            $"took {EmulatedTime.Describe(run.FinishedAt - run.StartedAt)} (started {run.StartedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}, real UTC)" +
            (emulated is { } e ? $"; emulated time passed: {EmulatedTime.Describe(e)} (the emulator's clock)" : "")));
    }
}
