using Microsoft.Azure.Functions.Worker;
using Mnet.Workflows;
using Mnet.Workflows.Activities.Creation;
using Mnet.Workflows.Contracts;

namespace Mnet.Functions.Workflows;

/// <summary>Activities of workspace creation (Activities/Creation).</summary>
public static class CreationActivityFunctions
{
    [Function(WorkflowNames.PlanWorkspaceCreation)]
    public static Task<WorkspaceCreationPlan> PlanWorkspaceCreationAsync([ActivityTrigger] CreateWorkspaceInput input, FunctionContext context) =>
        WorkflowActivities.Create<PlanWorkspaceCreationActivity>(context).RunAsync(input);

    [Function(WorkflowNames.EnsureDependencyResource)]
    public static Task<EnsuredDependency> EnsureDependencyResourceAsync([ActivityTrigger] DependencyPlan input, FunctionContext context) =>
        WorkflowActivities.Create<EnsureDependencyResourceActivity>(context).RunAsync(input);

    [Function(WorkflowNames.StartCreateWorkspace)]
    public static Task<StartCreateWorkspaceOutput> StartCreateWorkspaceAsync([ActivityTrigger] StartCreateWorkspaceInput input, FunctionContext context) =>
        WorkflowActivities.Create<StartCreateWorkspaceActivity>(context).RunAsync(input);
}
