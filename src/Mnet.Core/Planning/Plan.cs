using System.Text.Json.Serialization;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// What must change for a workspace to satisfy a policy. JSON-serializable with <see cref="PlanJson"/> (a plan
/// travels through Durable history and is printed by <c>mnet plan --json</c>).
/// </summary>
public sealed record Plan
{
    public required string WorkspaceId { get; init; }
    public required string WorkspaceName { get; init; }
    public required string Kind { get; init; }
    public required string PolicyName { get; init; }
    public required IsolationMode ActualMode { get; init; }
    public required IsolationMode DesiredMode { get; init; }

    /// <summary>
    /// False when the state carried no compute / online endpoint inventory: a mode change from Disabled may then need
    /// a compute migration this plan cannot list (the onboarding orchestration re-reads computes).
    /// </summary>
    public required bool ComputesKnown { get; init; }

    /// <summary>True iff not refused and there are no steps.</summary>
    public required bool Compliant { get; init; }

    public PlanRefusal? Refused { get; init; }

    public IReadOnlyList<PlanStep> Steps { get; init; } = [];

    public IReadOnlyList<PlanWarning> Warnings { get; init; } = [];

    /// <summary>Sum of the steps' estimates (compute migration time is not estimated).</summary>
    public int EstimatedMinutes { get; init; }

    [JsonIgnore]
    public bool IsRefused => Refused is not null;
}
