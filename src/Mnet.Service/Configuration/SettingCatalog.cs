using Mnet.Core.Catalog;

namespace Mnet.Service.Configuration;

/// <summary>
/// Every application setting the app reads, by name (port of src/config/settings.ts). Read once at start-up and
/// validated (<see cref="MnetSettingsLoader"/>); local.settings.sample.json and infra/ set each of them, and the
/// README's configuration table is generated from this list (tests cross-check all three).
/// </summary>
public static class SettingCatalog
{
    private static readonly SettingAlternative HostStorageByIdentity = SettingAlternative.Identity(
        SettingNames.Part(SettingNames.HostStorage, StorageConnection.AccountNamePart), SettingValidators.StorageAccountName);

    private static readonly SettingAlternative EventQueueStorageByIdentity = SettingAlternative.Identity(
        SettingNames.Part(SettingNames.EventQueueStorage, StorageConnection.QueueServiceUriPart), SettingValidators.HttpsUrl);

    /// <summary>The worker runtime of the C# app (the isolated worker).</summary>
    public const string DotnetIsolated = "dotnet-isolated";

    public const string DefaultEventQueue = "workspace-events";

    public static IReadOnlyList<SettingSpec> All { get; } =
    [
        new(SettingNames.HostStorage, true, "",
            "Functions host storage: a connection string, or in Azure identity-based (AzureWebJobsStorage__accountName + __credential=managedidentity + __clientId).",
            "UseDevelopmentStorage=true", SettingValidators.StorageConnectionString, [HostStorageByIdentity]),
        new(SettingNames.WorkerRuntime, true, "",
            "Always \"dotnet-isolated\" (on Flex Consumption the platform sets it from functionAppConfig.runtime).",
            DotnetIsolated, SettingValidators.OneOf(DotnetIsolated)),
        new(SettingNames.TaskHub, false, "mnetautopilot",
            "Durable Functions task hub name (host.json reads it): 3-45 letters and digits, starting with a letter.",
            "mnetautopilotlocal", SettingValidators.TaskHubName),
        new(SettingNames.Subscriptions, true, "",
            "Subscriptions the app may act on, comma-separated. Requests for any other subscription are refused.",
            "00000000-0000-0000-0000-000000000001", SettingValidators.GuidList),
        new(SettingNames.PolicyPath, false, "policies/default.yaml",
            "Policy file the app enforces (path inside the deployed package).", "examples/policy.yaml"),
        new(SettingNames.PolicyDir, false, "policies",
            "Folder of named policies a request may refer to by name.", "examples"),
        new(SettingNames.ArmEndpoint, false, "https://management.azure.com",
            "Azure Resource Manager endpoint (the emulator in local runs).", "https://127.0.0.1:8443", SettingValidators.HttpsUrl),
        new(SettingNames.ArmCaFile, false, "",
            "Extra CA certificate (PEM) to trust, for the local emulator only. Empty in Azure.", ".mnet/emulator-ca.pem"),
        new(SettingNames.ClientId, false, "",
            "Client id of the app's user-assigned managed identity.", "", SettingValidators.Guid),
        new(SettingNames.TenantId, false, "",
            "Tenant the app runs in (a workspace identity from another tenant is warned about).", "", SettingValidators.Guid),
        new(SettingNames.ArmWritesPerSecond, false, "5",
            $"Ceiling on ARM writes (PUT, PATCH, POST, DELETE) per second per subscription and instance; MNET_ARM_MAX_INSTANCES times it must stay within ARM's {ArmBudget.WritesPerSecond} writes/s.",
            "5", SettingValidators.PositiveNumber),
        new(SettingNames.ArmRequestsPerSecond, false, "20",
            $"Ceiling on all ARM requests (reads, writes, polls) per second per subscription and instance; MNET_ARM_MAX_INSTANCES times it must stay within ARM's {ArmBudget.RequestsPerSecond} reads/s.",
            "20", SettingValidators.PositiveNumber),
        new(SettingNames.ArmMaxInstances, false, "1",
            "Most app instances that call ARM at once (in Azure: the Flex maximum instance count times the app's scale groups that call ARM); the ARM ceilings are per instance.",
            "1", SettingValidators.PositiveInteger),
        new(SettingNames.ArmMaxRetries, false, "6",
            "Retries of a throttled or failed ARM call (429, 5xx, reset).", "6", SettingValidators.NonNegativeInteger),
        new(SettingNames.DriftSchedule, false, "0 0 */6 * * *",
            "NCRONTAB schedule (six fields) of the drift scan (default every 6 hours).", "0 0 */6 * * *", SettingValidators.Ncrontab),
        new(SettingNames.SnapshotContainerUrl, false, "",
            "Blob container URL where compute snapshots are saved before deletion (Azure).", "", SettingValidators.HttpsUrl),
        new(SettingNames.SnapshotDir, false, ".mnet/snapshots",
            "Directory for compute snapshots in local runs (used when no container URL is set).", ".mnet/snapshots"),
        // Fails closed: without an explicit "function-key" the app demands Entra tokens (and the tenant settings).
        new(SettingNames.ApproverAuth, false, "entra",
            "Approve/reject auth: \"entra\" (default: bearer token with the approver app role) or \"function-key\" (explicit local mode: anyone holding the key can approve).", "function-key",
            SettingValidators.OneOf("function-key", "entra")),
        new(SettingNames.EntraTenantId, false, "",
            "Tenant whose tokens are accepted when MNET_APPROVER_AUTH=entra.", ""),
        new(SettingNames.EntraAudience, false, "",
            "Expected token audience (the app registration's application id URI).", ""),
        new(SettingNames.EntraApproverRole, false, "Mnet.Approver",
            "App role an approver's token must carry.", "Mnet.Approver"),
        new(SettingNames.MaxBodyBytes, false, "262144",
            "Largest HTTP request body accepted.", "262144", SettingValidators.PositiveInteger),
        new(SettingNames.CustomApproverRoles, false, "",
            "Custom approver roles pre-created by infra for private endpoint target types the built-in approver role does not cover: <resourceType>=<roleDefinitionGuid> pairs separated by \";\". The app assigns these and never defines roles in Azure.",
            "", SettingValidators.CustomApproverRoles),
        new(SettingNames.EventQueue, false, DefaultEventQueue,
            "Storage queue Event Grid delivers workspace events to (the queue trigger reads %MNET_EVENT_QUEUE%).",
            DefaultEventQueue, SettingValidators.QueueName),
        new(SettingNames.EventQueueStorage, true, "",
            "Storage connection of MNET_EVENT_QUEUE: a connection string, or in Azure identity-based (MNET_EVENT_QUEUE_STORAGE__queueServiceUri + __credential=managedidentity + __clientId).",
            "UseDevelopmentStorage=true", SettingValidators.StorageConnectionString, [EventQueueStorageByIdentity]),
        new(SettingNames.TelemetryConnectionString, false, "",
            "Locates the Application Insights component (in Azure local auth is off, so it is no credential). Empty: no telemetry export.",
            "", SettingValidators.TelemetryConnectionString),
        new(SettingNames.TelemetryAuthentication, false, "",
            "Telemetry ingestion with Entra: \"Authorization=AAD\", with \"ClientId=<guid>\" of the user-assigned identity in Azure.",
            "", SettingValidators.TelemetryAuthentication),
    ];

    /// <summary>The setting of that name, or null.</summary>
    public static SettingSpec? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    /// <summary>The setting of that name; throws for a name the catalog lacks (a programming error).</summary>
    public static SettingSpec Get(string name) =>
        Find(name) ?? throw new ArgumentException($"no setting named {name} in the catalog", nameof(name));
}
