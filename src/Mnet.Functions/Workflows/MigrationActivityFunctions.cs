using Microsoft.Azure.Functions.Worker;
using Mnet.Workflows;
using Mnet.Workflows.Migration.Activities;

namespace Mnet.Functions.Workflows;

/// <summary>Activities of the compute migration (Migration/Activities).</summary>
public static class MigrationActivityFunctions
{
    [Function(WorkflowNames.InventoryComputes)]
    public static Task<MigrationPlan> InventoryComputesAsync([ActivityTrigger] InventoryComputesInput input, FunctionContext context) =>
        WorkflowActivities.Create<InventoryComputesActivity>(context).RunAsync(input);

    [Function(WorkflowNames.SnapshotComputes)]
    public static Task<SnapshotComputesOutput> SnapshotComputesAsync([ActivityTrigger] SnapshotComputesInput input, FunctionContext context) =>
        WorkflowActivities.Create<SnapshotComputesActivity>(context).RunAsync(input);

    [Function(WorkflowNames.ReadMigrationManifest)]
    public static Task<ReadMigrationManifestOutput> ReadMigrationManifestAsync([ActivityTrigger] ReadMigrationManifestInput input, FunctionContext context) =>
        WorkflowActivities.Create<ReadMigrationManifestActivity>(context).RunAsync(input);

    [Function(WorkflowNames.StartDeleteCompute)]
    public static Task<OperationStart> StartDeleteComputeAsync([ActivityTrigger] StartDeleteInput input, FunctionContext context) =>
        WorkflowActivities.Create<StartDeleteComputeActivity>(context).RunAsync(input);

    [Function(WorkflowNames.StartDeleteOnlineEndpoint)]
    public static Task<OperationStart> StartDeleteOnlineEndpointAsync([ActivityTrigger] StartDeleteInput input, FunctionContext context) =>
        WorkflowActivities.Create<StartDeleteOnlineEndpointActivity>(context).RunAsync(input);

    [Function(WorkflowNames.StartDeleteOnlineDeployment)]
    public static Task<OperationStart> StartDeleteOnlineDeploymentAsync([ActivityTrigger] StartDeleteInput input, FunctionContext context) =>
        WorkflowActivities.Create<StartDeleteOnlineDeploymentActivity>(context).RunAsync(input);

    [Function(WorkflowNames.StartRecreateCompute)]
    public static Task<OperationStart> StartRecreateComputeAsync([ActivityTrigger] StartRecreateInput input, FunctionContext context) =>
        WorkflowActivities.Create<StartRecreateComputeActivity>(context).RunAsync(input);

    [Function(WorkflowNames.StartRecreateOnlineEndpoint)]
    public static Task<OperationStart> StartRecreateOnlineEndpointAsync([ActivityTrigger] StartRecreateInput input, FunctionContext context) =>
        WorkflowActivities.Create<StartRecreateOnlineEndpointActivity>(context).RunAsync(input);

    [Function(WorkflowNames.StartRecreateOnlineDeployment)]
    public static Task<OperationStart> StartRecreateOnlineDeploymentAsync([ActivityTrigger] StartRecreateInput input, FunctionContext context) =>
        WorkflowActivities.Create<StartRecreateOnlineDeploymentActivity>(context).RunAsync(input);

    [Function(WorkflowNames.StartRestoreEndpointTraffic)]
    public static Task<OperationStart> StartRestoreEndpointTrafficAsync([ActivityTrigger] RestoreTrafficInput input, FunctionContext context) =>
        WorkflowActivities.Create<StartRestoreEndpointTrafficActivity>(context).RunAsync(input);

    [Function(WorkflowNames.VerifyMigration)]
    public static Task<VerifyMigrationOutput> VerifyMigrationAsync([ActivityTrigger] VerifyMigrationInput input, FunctionContext context) =>
        WorkflowActivities.Create<VerifyMigrationActivity>(context).RunAsync(input);
}
