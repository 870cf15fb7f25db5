using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

/// <summary>Set the SKU of the managed network's Azure Firewall.</summary>
public sealed record SetFirewallSkuStep : PlanStep
{
    [JsonIgnore]
    public override StepKind Kind => StepKind.SetFirewallSku;

    [JsonPropertyOrder(1)]
    public required SetFirewallSkuParams Params { get; init; }
}
