namespace Mnet.Workflows;

/// <summary>
/// Every orchestrator and activity by name: the in-process registration (<see cref="WorkflowRegistration"/>) and the
/// Functions app register them under these names, orchestrators call them by these names. The values are the
/// TypeScript version's, so instance queries and docs keep working.
/// </summary>
public static class WorkflowNames
{
    // Orchestrators
    public const string OnboardWorkspace = "onboardWorkspace";
    public const string ProvisionNetwork = "provisionNetwork";
    public const string AssignApproverRoles = "assignApproverRoles";
    public const string MigrateComputes = "migrateComputes";
    public const string ResumeMigration = "resumeMigration";
    public const string DriftScan = "driftScan";
    public const string CreateWorkspace = "createWorkspace";

    // Activities: reading and planning
    public const string ReadWorkspaceState = "readWorkspaceState";
    public const string PlanWorkspace = "planWorkspace";
    public const string ReadNetworkStatus = "readNetworkStatus";

    // Activities: network writes
    public const string PatchWorkspaceNetwork = "patchWorkspaceNetwork";
    public const string PutOutboundRule = "putOutboundRule";
    public const string DeleteOutboundRule = "deleteOutboundRule";
    public const string StartProvisionNetwork = "startProvisionNetwork";
    public const string PollOperation = "pollOperation";
    public const string ReadResourcePresence = "readResourcePresence";

    // Activities: approver roles
    public const string PlanApproverAssignments = "planApproverAssignments";
    public const string ResolveCustomApproverRole = "resolveCustomApproverRole";
    public const string AssignApproverRole = "assignApproverRole";

    // Activities: compute migration (Migration/)
    public const string InventoryComputes = "inventoryComputes";
    public const string SnapshotComputes = "snapshotComputes";
    public const string ReadMigrationManifest = "readMigrationManifest";
    public const string StartDeleteCompute = "startDeleteCompute";
    public const string StartDeleteOnlineEndpoint = "startDeleteOnlineEndpoint";
    public const string StartDeleteOnlineDeployment = "startDeleteOnlineDeployment";
    public const string StartRecreateCompute = "startRecreateCompute";
    public const string StartRecreateOnlineEndpoint = "startRecreateOnlineEndpoint";
    public const string StartRecreateOnlineDeployment = "startRecreateOnlineDeployment";
    public const string StartRestoreEndpointTraffic = "startRestoreEndpointTraffic";
    public const string VerifyMigration = "verifyMigration";

    // Activities: drift
    /// <summary>Query, evaluate and save the report in one activity: the report never travels through history.</summary>
    public const string ScanDrift = "scanDrift";
    /// <summary>Starts independent onboardings for drifted workspaces through the durable client.</summary>
    public const string StartRemediation = "startRemediation";

    // Activities: workspace creation
    public const string PlanWorkspaceCreation = "planWorkspaceCreation";
    public const string EnsureDependencyResource = "ensureDependencyResource";
    public const string StartCreateWorkspace = "startCreateWorkspace";

    /// <summary>External event an approver raises on a waiting orchestration.</summary>
    public const string ApprovalEvent = "approval";
}
