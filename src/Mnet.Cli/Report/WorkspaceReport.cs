namespace Mnet.Cli.Report;

/// <summary>One workspace in the run report: before and after read through ARM, what was planned and done.</summary>
public sealed record WorkspaceReport
{
    public required string WorkspaceId { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required string ResourceGroup { get; init; }
    /// <summary>Null for a workspace created during the run.</summary>
    public NetworkView? Before { get; init; }
    public NetworkView? After { get; init; }
    /// <summary>First scan's verdict (<see cref="WorkspaceVerdicts"/>), absent when created during the run.</summary>
    public required string VerdictBefore { get; init; }
    public required string VerdictAfter { get; init; }
    /// <summary>Why it was skipped or refused, and what the run did about it.</summary>
    public string? Note { get; init; }
    /// <summary>The plan's steps before anything ran (<c>kind: reason</c>).</summary>
    public IReadOnlyList<string> PlannedSteps { get; init; } = [];
    public IReadOnlyList<OrchestrationView> Orchestrations { get; init; } = [];
    public IReadOnlyList<StepView> Steps { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>The posture audit (workspaces on a customer VNet).</summary>
    public PostureView? Posture { get; init; }
}
