using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>A rule whose <c>type</c> the product does not know: kept whole (destination in Extra) and written back as read.</summary>
public sealed record UnknownOutboundRule : OutboundRule
{
    /// <summary>The <c>type</c> as read; written back as <see cref="Type"/>.</summary>
    [JsonIgnore]
    public string RuleType { get; init; } = "";

    [JsonPropertyOrder(-1)]
    public override string Type => RuleType;
}
