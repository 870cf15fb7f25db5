using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Arm.Models;

/// <summary>/subscriptions/{id} as Microsoft.Resources answers it.</summary>
public sealed record ArmSubscription
{
    public string? Id { get; init; }
    public required string SubscriptionId { get; init; }
    public string? DisplayName { get; init; }
    /// <summary>Enabled, Disabled, Warned, PastDue, Deleted (open set).</summary>
    public string? State { get; init; }
    public string? TenantId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
