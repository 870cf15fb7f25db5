namespace Mnet.Service.Configuration;

/// <summary>The app's validated start-up configuration (every setting of <see cref="SettingCatalog"/>, typed).</summary>
public sealed record MnetSettings
{
    /// <summary>Functions host storage (also the Durable task hub and the ticket tables).</summary>
    public required StorageConnection HostStorage { get; init; }

    public required string WorkerRuntime { get; init; }
    public required string TaskHub { get; init; }

    /// <summary>Lower-cased, distinct subscription ids: nothing else is touched, whatever a request says.</summary>
    public required IReadOnlyList<string> Subscriptions { get; init; }

    public required string PolicyPath { get; init; }
    public required string PolicyDir { get; init; }
    public required Uri ArmEndpoint { get; init; }

    /// <summary>The emulator's CA (PEM file); null in Azure.</summary>
    public string? ArmCaFile { get; init; }

    /// <summary>AZURE_CLIENT_ID: the user-assigned identity; null for a developer login.</summary>
    public string? ClientId { get; init; }

    /// <summary>AZURE_TENANT_ID, lower-cased; null when not configured.</summary>
    public string? TenantId { get; init; }

    /// <summary>Per instance and subscription; <see cref="ArmMaxInstances"/> times it stays within ARM's limits.</summary>
    public required double ArmWritesPerSecond { get; init; }

    /// <summary>Per instance and subscription; <see cref="ArmMaxInstances"/> times it stays within ARM's limits.</summary>
    public required double ArmRequestsPerSecond { get; init; }

    public required int ArmMaxInstances { get; init; }
    public required int ArmMaxRetries { get; init; }
    public required string DriftSchedule { get; init; }

    /// <summary>Where compute snapshots go in Azure; null: <see cref="SnapshotDir"/>.</summary>
    public Uri? SnapshotContainerUrl { get; init; }

    public required string SnapshotDir { get; init; }
    public required ApproverAuthMode ApproverAuth { get; init; }

    /// <summary>Set exactly when <see cref="ApproverAuth"/> is <see cref="ApproverAuthMode.Entra"/>.</summary>
    public EntraSettings? Entra { get; init; }

    public required int MaxBodyBytes { get; init; }

    /// <summary>Resource type (catalog spelling) -> lower-cased GUID of the custom approver role infra pre-created.</summary>
    public required IReadOnlyDictionary<string, string> CustomApproverRoles { get; init; }

    public required string EventQueue { get; init; }
    public required StorageConnection EventQueueStorage { get; init; }

    /// <summary>Null when APPLICATIONINSIGHTS_CONNECTION_STRING is not set (no export).</summary>
    public TelemetrySettings? Telemetry { get; init; }

    /// <summary>Every validated setting by name (given, stood in for, or default).</summary>
    public required IReadOnlyDictionary<string, string> Values { get; init; }

    /// <summary>
    /// The platform's managed-identity variables (IDENTITY_ENDPOINT, MSI_ENDPOINT) as found at start-up: not app
    /// settings, but the credential needs them to tell Azure from a developer machine.
    /// </summary>
    public required IReadOnlyDictionary<string, string?> IdentityEnvironment { get; init; }

    /// <summary>True when the subscription is one the app is configured to act on.</summary>
    public bool IsConfiguredSubscription(string subscriptionId) =>
        Subscriptions.Contains(subscriptionId.Trim().ToLowerInvariant(), StringComparer.Ordinal);
}
