using System.Text.Json.Serialization;

namespace Mnet.Core.Planning;

/// <param name="Code">Stable identifier, e.g. <c>firewall-cost</c>.</param>
public sealed record PlanWarning([property: JsonPropertyOrder(-2)] string Code, string Message)
{
    /// <summary>The step the warning is about, when there is one.</summary>
    [JsonPropertyOrder(-1)]
    public string? StepId { get; init; }

    public PlanWarningLevel? Level { get; init; }
}
