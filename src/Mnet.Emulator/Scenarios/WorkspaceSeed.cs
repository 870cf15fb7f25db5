using System.Text.Json.Nodes;
using Mnet.Core.Resources;

namespace Mnet.Emulator.Scenarios;

/// <summary>What a scenario says about one workspace (seeded directly, without HTTP).</summary>
public sealed record WorkspaceSeed
{
    public required string SubscriptionId { get; init; }

    public required string ResourceGroup { get; init; }

    public required string Name { get; init; }

    public required string Location { get; init; }

    public string Kind { get; init; } = "Default";

    public IsolationMode Mode { get; init; }

    /// <summary>Managed network provisioned (status Active).</summary>
    public bool Active { get; init; }

    public bool SparkReady { get; init; }

    public bool SystemAssigned { get; init; } = true;

    public IReadOnlyList<string> UserAssigned { get; init; } = [];

    public string PublicNetworkAccess { get; init; } = "Enabled";

    public string? StorageAccount { get; init; }

    public string? KeyVault { get; init; }

    public string? ContainerRegistry { get; init; }

    public string? ApplicationInsights { get; init; }

    public string? HubResourceId { get; init; }

    public string? Description { get; init; }

    public JsonObject Tags { get; init; } = [];
}
