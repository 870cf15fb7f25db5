using Mnet.Core.Planning;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>
/// What the planner says a migration must do, in a form small enough for history: the computes and online endpoints
/// the migrate-computes step names (null when the plan needs none deleted), the network steps to apply between the
/// deletes and the recreation, and those to apply after it.
/// </summary>
/// <param name="Found">False when the workspace does not exist (nothing else is set).</param>
/// <param name="Warnings">The plan's warnings, one line each.</param>
public sealed record MigrationPlan(
    bool Found,
    PlanRefusal? Refused = null,
    MigrateComputesParams? Migration = null,
    IReadOnlyList<PlanStep>? NetworkSteps = null,
    IReadOnlyList<PlanStep>? AfterSteps = null,
    IReadOnlyList<string>? Warnings = null)
{
    /// <summary>Steps a migration never applies itself: the migration (that is this), a project's hub, the image build compute (after).</summary>
    public static bool IsNetworkStep(PlanStep step) =>
        step.Kind is not (StepKind.MigrateComputes or StepKind.GovernThroughHub or StepKind.SetImageBuildCompute);

    /// <summary>The image build compute names a cluster: set once the clusters exist again.</summary>
    public static bool IsAfterStep(PlanStep step) => step.Kind == StepKind.SetImageBuildCompute;
}
