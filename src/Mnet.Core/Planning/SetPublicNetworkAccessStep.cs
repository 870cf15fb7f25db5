using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

/// <summary>Set the workspace's public network access.</summary>
public sealed record SetPublicNetworkAccessStep : PlanStep
{
    [JsonIgnore]
    public override StepKind Kind => StepKind.SetPublicNetworkAccess;

    [JsonPropertyOrder(1)]
    public required SetPublicNetworkAccessParams Params { get; init; }
}
