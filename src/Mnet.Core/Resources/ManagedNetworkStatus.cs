using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary><c>managedNetwork.status</c>: whether the managed network has been provisioned.</summary>
public sealed record ManagedNetworkStatus
{
    /// <summary>Inactive or Active (open set).</summary>
    public string? Status { get; init; }
    public bool? SparkReady { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
