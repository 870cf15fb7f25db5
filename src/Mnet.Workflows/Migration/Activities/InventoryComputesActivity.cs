using Mnet.Arm;
using Mnet.Core.Planning;
using Mnet.Workflows.Activities;
using Mnet.Workflows.Activities.State;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>
/// Reads the workspace WITH its computes and online endpoints and plans it (the pure planner, as the onboarding
/// does): only a plan that enables the managed network on a Disabled workspace has a migrate-computes step, so a
/// migration never deletes what the plan does not need deleted. The full state stays in this activity; history gets
/// the compact <see cref="MigrationPlan"/>.
/// </summary>
public sealed class InventoryComputesActivity(IArmClient arm, WorkflowSettings settings)
    : IWorkflowActivity<InventoryComputesInput, MigrationPlan>
{
    public async Task<MigrationPlan> RunAsync(InventoryComputesInput input)
    {
        var read = await new ReadWorkspaceStateActivity(arm).RunAsync(
            new ReadWorkspaceStateInput(input.WorkspaceId, Computes: true, RoleAssignments: true, input.Policy));
        if (!read.Found || read.State is null) return new MigrationPlan(false);

        Plan plan = await new PlanWorkspaceActivity(settings).RunAsync(
            new PlanWorkspaceInput(input.Policy, read.State, input.Now, input.Subscriptions));
        var warnings = plan.Warnings.Select(w => $"{w.Code}: {w.Message}").ToList();
        if (plan.Refused is not null) return new MigrationPlan(true, plan.Refused, Warnings: warnings);

        return new MigrationPlan(
            true,
            Migration: plan.Steps.OfType<MigrateComputesStep>().FirstOrDefault()?.Params,
            NetworkSteps: plan.Steps.Where(MigrationPlan.IsNetworkStep).ToList(),
            AfterSteps: plan.Steps.Where(MigrationPlan.IsAfterStep).ToList(),
            Warnings: warnings);
    }
}
