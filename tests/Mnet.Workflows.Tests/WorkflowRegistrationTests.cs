using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Tests.Activities;

namespace Mnet.Workflows.Tests;

public sealed class WorkflowRegistrationTests
{
    static readonly string[] Orchestrators =
    [
        WorkflowNames.OnboardWorkspace, WorkflowNames.ProvisionNetwork, WorkflowNames.AssignApproverRoles, WorkflowNames.MigrateComputes,
        WorkflowNames.ResumeMigration, WorkflowNames.DriftScan, WorkflowNames.CreateWorkspace,
    ];

    [Fact]
    public void Every_orchestrator_and_activity_is_registered_by_its_contract_name()
    {
        var registry = new DurableTaskRegistry().AddMnetWorkflows();
        var names = typeof(WorkflowNames).GetFields()
            .Where(f => f.IsLiteral && f.Name != nameof(WorkflowNames.ApprovalEvent))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);

        var orchestrators = ActivityHelpersTests.OrchestratorNames(registry);
        var activities = ActivityHelpersTests.ActivityFactories(registry).Keys.ToHashSet(StringComparer.Ordinal);

        Assert.Equal(Orchestrators.Order(), orchestrators.Order());
        Assert.Equal(names.Except(Orchestrators).Order(), activities.Order());
    }

    [Fact]
    public void The_activity_services_set_the_workflow_json_on_the_worker()
    {
        var services = new ServiceCollection().AddMnetActivities(new WorkflowSettings()).BuildServiceProvider();

        Assert.Same(WorkflowJson.Converter, services.GetRequiredService<IOptionsMonitor<DurableTaskWorkerOptions>>().Get(Options.DefaultName).DataConverter);
        Assert.IsType<ArmFailureProperties>(services.GetRequiredService<IExceptionPropertiesProvider>());
    }
}
