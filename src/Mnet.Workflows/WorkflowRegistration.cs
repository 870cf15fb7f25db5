using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mnet.Workflows.Activities;
using Mnet.Workflows.Activities.Creation;
using Mnet.Workflows.Activities.Drift;
using Mnet.Workflows.Activities.Network;
using Mnet.Workflows.Activities.Operations;
using Mnet.Workflows.Activities.Roles;
using Mnet.Workflows.Activities.State;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Orchestrators;
using Mnet.Workflows.Migration;
using Mnet.Workflows.Migration.Activities;
using Mnet.Workflows.Stores;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows;

/// <summary>
/// The in-process engine's composition: every orchestrator and activity (<see cref="AddMnetWorkflows"/>) and what
/// activities are built from (<see cref="AddMnetActivities"/>). The Functions app wraps the same methods instead.
/// </summary>
public static class WorkflowRegistration
{
    /// <summary>Every orchestrator and activity under its <see cref="WorkflowNames"/> name.</summary>
    public static DurableTaskRegistry AddMnetWorkflows(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);

        // Orchestrators and activities of onboarding, provisioning, roles, drift, creation (W1).
        // --- W1 registrations ---
        registry.AddWorkflow<OnboardWorkspaceInput, OnboardWorkspaceOutput>(WorkflowNames.OnboardWorkspace, OnboardWorkspace.RunAsync);
        registry.AddWorkflow<ProvisionNetworkInput, ProvisionNetworkOutput>(WorkflowNames.ProvisionNetwork, ProvisionNetwork.RunAsync);
        registry.AddWorkflow<AssignApproverRolesInput, AssignApproverRolesOutput>(WorkflowNames.AssignApproverRoles, AssignApproverRoles.RunAsync);
        registry.AddWorkflow<DriftScanInput, DriftScanOutput>(WorkflowNames.DriftScan, DriftScan.RunAsync);
        registry.AddWorkflow<CreateWorkspaceInput, CreateWorkspaceOutput>(WorkflowNames.CreateWorkspace, CreateWorkspace.RunAsync);
        registry.AddWorkflowActivity<ReadWorkspaceStateActivity>(WorkflowNames.ReadWorkspaceState);
        registry.AddWorkflowActivity<PlanWorkspaceActivity>(WorkflowNames.PlanWorkspace);
        registry.AddWorkflowActivity<ReadNetworkStatusActivity>(WorkflowNames.ReadNetworkStatus);
        registry.AddWorkflowActivity<PatchWorkspaceNetworkActivity>(WorkflowNames.PatchWorkspaceNetwork);
        registry.AddWorkflowActivity<PutOutboundRuleActivity>(WorkflowNames.PutOutboundRule);
        registry.AddWorkflowActivity<DeleteOutboundRuleActivity>(WorkflowNames.DeleteOutboundRule);
        registry.AddWorkflowActivity<StartProvisionNetworkActivity>(WorkflowNames.StartProvisionNetwork);
        registry.AddWorkflowActivity<PollOperationActivity>(WorkflowNames.PollOperation);
        registry.AddWorkflowActivity<ReadResourcePresenceActivity>(WorkflowNames.ReadResourcePresence);
        registry.AddWorkflowActivity<PlanApproverAssignmentsActivity>(WorkflowNames.PlanApproverAssignments);
        registry.AddWorkflowActivity<ResolveCustomApproverRoleActivity>(WorkflowNames.ResolveCustomApproverRole);
        registry.AddWorkflowActivity<AssignApproverRoleActivity>(WorkflowNames.AssignApproverRole);
        registry.AddWorkflowActivity<ScanDriftActivity>(WorkflowNames.ScanDrift);
        registry.AddWorkflowActivity<StartRemediationActivity>(WorkflowNames.StartRemediation);
        registry.AddWorkflowActivity<PlanWorkspaceCreationActivity>(WorkflowNames.PlanWorkspaceCreation);
        registry.AddWorkflowActivity<EnsureDependencyResourceActivity>(WorkflowNames.EnsureDependencyResource);
        registry.AddWorkflowActivity<StartCreateWorkspaceActivity>(WorkflowNames.StartCreateWorkspace);

        // Compute migration (Migration/, W2): one line per orchestrator / activity below.
        // --- W2 registrations ---
        registry.AddWorkflow<MigrateComputesInput, MigrateComputesOutput>(WorkflowNames.MigrateComputes, MigrateComputes.RunAsync);
        registry.AddWorkflow<ResumeMigrationInput, MigrateComputesOutput>(WorkflowNames.ResumeMigration, ResumeMigration.RunAsync);
        registry.AddWorkflowActivity<InventoryComputesActivity>(WorkflowNames.InventoryComputes);
        registry.AddWorkflowActivity<SnapshotComputesActivity>(WorkflowNames.SnapshotComputes);
        registry.AddWorkflowActivity<ReadMigrationManifestActivity>(WorkflowNames.ReadMigrationManifest);
        registry.AddWorkflowActivity<StartDeleteComputeActivity>(WorkflowNames.StartDeleteCompute);
        registry.AddWorkflowActivity<StartDeleteOnlineEndpointActivity>(WorkflowNames.StartDeleteOnlineEndpoint);
        registry.AddWorkflowActivity<StartDeleteOnlineDeploymentActivity>(WorkflowNames.StartDeleteOnlineDeployment);
        registry.AddWorkflowActivity<StartRecreateComputeActivity>(WorkflowNames.StartRecreateCompute);
        registry.AddWorkflowActivity<StartRecreateOnlineEndpointActivity>(WorkflowNames.StartRecreateOnlineEndpoint);
        registry.AddWorkflowActivity<StartRecreateOnlineDeploymentActivity>(WorkflowNames.StartRecreateOnlineDeployment);
        registry.AddWorkflowActivity<StartRestoreEndpointTrafficActivity>(WorkflowNames.StartRestoreEndpointTraffic);
        registry.AddWorkflowActivity<VerifyMigrationActivity>(WorkflowNames.VerifyMigration);

        return registry;
    }

    /// <summary>
    /// What activities are built from, besides what the caller registers itself: an <c>IArmClient</c> (Mnet.Arm) and
    /// an <c>IDocumentStore</c> (Stores/). Also sets the worker's and the client's JSON (<see cref="WorkflowJson"/>).
    /// </summary>
    public static IServiceCollection AddMnetActivities(this IServiceCollection services, WorkflowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<DurableTaskWorkerOptions>(o => o.DataConverter = WorkflowJson.Converter);
        services.Configure<DurableTaskClientOptions>(o => o.DataConverter = WorkflowJson.Converter);

        // --- W1 services ---
        // ARM failures carry their code and retryability to the orchestrator (step records, retry policy).
        services.TryAddSingleton<IExceptionPropertiesProvider, ArmFailureProperties>();

        // Compute migration (Migration/, W2): one line below if its activities need services of their own.
        // --- W2 services ---
        services.TryAddSingleton(sp => new SnapshotStore(sp.GetRequiredService<IDocumentStore>()));

        return services;
    }
}
