namespace Mnet.Service.Configuration;

/// <summary>
/// The name of every application setting the app reads. Constants, so trigger attributes can name them
/// (e.g. <c>[QueueTrigger("%MNET_EVENT_QUEUE%", Connection = SettingNames.EventQueueStorage)]</c>).
/// </summary>
public static class SettingNames
{
    public const string HostStorage = "AzureWebJobsStorage";
    public const string WorkerRuntime = "FUNCTIONS_WORKER_RUNTIME";
    public const string TaskHub = "MNET_TASK_HUB";
    public const string Subscriptions = "MNET_SUBSCRIPTIONS";
    public const string PolicyPath = "MNET_POLICY_PATH";
    public const string PolicyDir = "MNET_POLICY_DIR";
    public const string ArmEndpoint = "MNET_ARM_ENDPOINT";
    public const string ArmCaFile = "MNET_ARM_CA_FILE";
    public const string ClientId = "AZURE_CLIENT_ID";
    public const string TenantId = "AZURE_TENANT_ID";
    public const string ArmWritesPerSecond = "MNET_ARM_WRITES_PER_SECOND";
    public const string ArmRequestsPerSecond = "MNET_ARM_REQUESTS_PER_SECOND";
    public const string ArmMaxInstances = "MNET_ARM_MAX_INSTANCES";
    public const string ArmMaxRetries = "MNET_ARM_MAX_RETRIES";
    public const string DriftSchedule = "MNET_DRIFT_SCHEDULE";
    public const string SnapshotContainerUrl = "MNET_SNAPSHOT_CONTAINER_URL";
    public const string SnapshotDir = "MNET_SNAPSHOT_DIR";
    public const string ApproverAuth = "MNET_APPROVER_AUTH";
    public const string EntraTenantId = "MNET_ENTRA_TENANT_ID";
    public const string EntraAudience = "MNET_ENTRA_AUDIENCE";
    public const string EntraApproverRole = "MNET_ENTRA_APPROVER_ROLE";
    public const string MaxBodyBytes = "MNET_MAX_BODY_BYTES";
    public const string CustomApproverRoles = "MNET_CUSTOM_APPROVER_ROLES";
    public const string EventQueue = "MNET_EVENT_QUEUE";
    public const string EventQueueStorage = "MNET_EVENT_QUEUE_STORAGE";
    public const string TelemetryConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string TelemetryAuthentication = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The separator of an identity-based connection's parts (<c>AzureWebJobsStorage__accountName</c>).</summary>
    public const string PartSeparator = "__";

    /// <summary><c>{connection}__{part}</c>, e.g. <c>AzureWebJobsStorage__accountName</c>.</summary>
    public static string Part(string connection, string part) => connection + PartSeparator + part;
}
