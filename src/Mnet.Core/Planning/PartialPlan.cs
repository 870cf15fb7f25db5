namespace Mnet.Core.Planning;

/// <summary>What one planning stage contributes; the planner merges them.</summary>
internal class PartialPlan
{
    public List<PlanStep> Steps { get; init; } = [];
    public List<PlanWarning> Warnings { get; init; } = [];
    public PlanRefusal? Refused { get; set; }

    public static PartialPlan Refusal(string rule, string reason) => new() { Refused = new PlanRefusal(rule, reason) };
}
