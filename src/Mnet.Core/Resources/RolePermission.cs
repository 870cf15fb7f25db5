using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>One permission block of a role definition.</summary>
public sealed record RolePermission
{
    public required IReadOnlyList<string> Actions { get; init; }
    public IReadOnlyList<string>? NotActions { get; init; }
    public IReadOnlyList<string>? DataActions { get; init; }
    public IReadOnlyList<string>? NotDataActions { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
