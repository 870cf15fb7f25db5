using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Cli.Output;
using Mnet.Workflows;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;

namespace Mnet.Cli.Runtime;

/// <summary>
/// Starts one orchestration on the local engine and follows it to its end: every step it (or a sub-orchestration)
/// records is printed once as it happens, the status line shows its phase, and an approval it waits for is answered
/// with the person's confirmation (they saw the plan and said yes before it started).
/// </summary>
public sealed class OrchestrationRunner(CliRuntime runtime, LiveProgress progress, Style style)
{
    /// <summary>Sub-orchestrations whose steps are printed too (ids are {parent}:{purpose}).</summary>
    private static readonly string[] ChildSuffixes = [":provision", ":roles", ":migrate", ":migrate:provision", ":migrate:roles"];

    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly HashSet<string> answered = new(StringComparer.Ordinal);

    /// <param name="approval">The answer to an approval wait; null: a wait is a failure (nobody can answer).</param>
    public async Task<OrchestrationRun> RunAsync(
        string name, string instanceId, object input, ApprovalDecision? approval, CancellationToken cancellation)
    {
        var client = runtime.Engine?.Client ?? throw new InvalidOperationException("the engine is not started");
        var startedAt = DateTimeOffset.UtcNow;
        await client.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(instanceId), cancellation);
        var poll = runtime.Emulated is null ? TimeSpan.FromSeconds(2) : TimeSpan.FromMilliseconds(40);
        while (true)
        {
            var main = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation)
                ?? throw new RuntimeFailureException($"{name} {instanceId} vanished from the engine");
            var watched = new List<OrchestrationMetadata> { main };
            foreach (var suffix in ChildSuffixes)
            {
                if (await client.GetInstanceAsync(instanceId + suffix, getInputsAndOutputs: false, cancellation) is { } child)
                {
                    watched.Add(child);
                }
            }

            foreach (var instance in watched)
            {
                var custom = CustomStatus(instance);
                PrintNew(custom);
                await AnswerAsync(client, name, instance, custom, approval, cancellation);
            }

            if (main.IsCompleted)
            {
                return new OrchestrationRun(main, startedAt, DateTimeOffset.UtcNow);
            }

            progress.Status(StatusText(name, CustomStatus(main), startedAt));
            await Task.Delay(poll, cancellation);
        }
    }

    /// <summary>"applying set-isolation-mode · 3 s real · emulated +31 min".</summary>
    private string StatusText(string name, OrchestrationCustomStatus? custom, DateTimeOffset startedAt)
    {
        var now = DateTimeOffset.UtcNow;
        var phase = custom is null ? name : $"{Phase(custom.Phase)}{(custom.CurrentStep is { } step ? $" {step}" : "")}";
        var emulated = runtime.Emulated?.Between(startedAt, now) is { } e ? $" · emulated +{EmulatedTime.Describe(e)}" : "";
        return $"{phase} · {EmulatedTime.Describe(now - startedAt)} real{emulated}";
    }

    private void PrintNew(OrchestrationCustomStatus? custom)
    {
        foreach (var outcome in custom?.Outcomes ?? [])
        {
            // A parent copies its children's outcomes: the step, its status and its end identify one event.
            if (seen.Add($"{outcome.StepId}\u0000{outcome.Status}\u0000{outcome.FinishedAt:O}"))
            {
                progress.Line($"  {OutcomeLine.Render(outcome, style)}{style.Dim(Took(outcome))}");
            }
        }
    }

    private string Took(StepOutcome outcome)
    {
        if (outcome.Status == StepStatus.Planned)
        {
            return "";
        }

        var real = outcome.FinishedAt - outcome.StartedAt;
        var emulated = runtime.Emulated?.Between(outcome.StartedAt, outcome.FinishedAt);
        return emulated is { } e
            ? $" ({EmulatedTime.Describe(real)} real, {EmulatedTime.Describe(e)} emulated)"
            : $" ({EmulatedTime.Describe(real)})";
    }

    private async Task AnswerAsync(
        DurableTaskClient client, string name, OrchestrationMetadata instance, OrchestrationCustomStatus? custom,
        ApprovalDecision? approval, CancellationToken cancellation)
    {
        if (instance.IsCompleted || custom is not { Phase: OrchestrationPhase.WaitingForApproval, WaitingForApproval: { } wait })
        {
            return;
        }

        if (!answered.Add($"{instance.InstanceId}\u0000{string.Join(',', wait.StepIds)}\u0000{wait.Deadline:O}"))
        {
            return;
        }

        if (approval is null)
        {
            throw new RuntimeFailureException($"{name} {instance.InstanceId} waits for an approval nobody can give here");
        }

        await client.RaiseEventAsync(instance.InstanceId, WorkflowNames.ApprovalEvent, approval, cancellation);
    }

    private static OrchestrationCustomStatus? CustomStatus(OrchestrationMetadata instance)
    {
        if (string.IsNullOrEmpty(instance.SerializedCustomStatus))
        {
            return null;
        }

        try
        {
            return WorkflowJson.Converter.Deserialize<OrchestrationCustomStatus>(instance.SerializedCustomStatus);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Phase(OrchestrationPhase phase) =>
        JsonSerializer.Serialize(phase).Trim('"');
}
