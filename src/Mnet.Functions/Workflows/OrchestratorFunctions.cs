using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Mnet.Workflows;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Migration;
using Mnet.Workflows.Orchestrators;

namespace Mnet.Functions.Workflows;

/// <summary>
/// The product's orchestrators as Durable functions: each wraps the Mnet.Workflows static method of the same name
/// (the input is bound from the orchestration's input; the in-process engine registers the same methods).
/// </summary>
public static class OrchestratorFunctions
{
    [Function(WorkflowNames.OnboardWorkspace)]
    public static Task<OnboardWorkspaceOutput> OnboardWorkspaceAsync(
        [OrchestrationTrigger] TaskOrchestrationContext context, OnboardWorkspaceInput input) =>
        OnboardWorkspace.RunAsync(context, input);

    [Function(WorkflowNames.ProvisionNetwork)]
    public static Task<ProvisionNetworkOutput> ProvisionNetworkAsync(
        [OrchestrationTrigger] TaskOrchestrationContext context, ProvisionNetworkInput input) =>
        ProvisionNetwork.RunAsync(context, input);

    [Function(WorkflowNames.AssignApproverRoles)]
    public static Task<AssignApproverRolesOutput> AssignApproverRolesAsync(
        [OrchestrationTrigger] TaskOrchestrationContext context, AssignApproverRolesInput input) =>
        AssignApproverRoles.RunAsync(context, input);

    [Function(WorkflowNames.MigrateComputes)]
    public static Task<MigrateComputesOutput> MigrateComputesAsync(
        [OrchestrationTrigger] TaskOrchestrationContext context, MigrateComputesInput input) =>
        MigrateComputes.RunAsync(context, input);

    [Function(WorkflowNames.ResumeMigration)]
    public static Task<MigrateComputesOutput> ResumeMigrationAsync(
        [OrchestrationTrigger] TaskOrchestrationContext context, ResumeMigrationInput input) =>
        ResumeMigration.RunAsync(context, input);

    [Function(WorkflowNames.DriftScan)]
    public static Task<DriftScanOutput> DriftScanAsync(
        [OrchestrationTrigger] TaskOrchestrationContext context, DriftScanInput input) =>
        DriftScan.RunAsync(context, input);

    [Function(WorkflowNames.CreateWorkspace)]
    public static Task<CreateWorkspaceOutput> CreateWorkspaceAsync(
        [OrchestrationTrigger] TaskOrchestrationContext context, CreateWorkspaceInput input) =>
        CreateWorkspace.RunAsync(context, input);
}
