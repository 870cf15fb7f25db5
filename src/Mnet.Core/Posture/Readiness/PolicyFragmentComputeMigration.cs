using System.Text.Json.Serialization;

namespace Mnet.Core.Posture.Readiness;

/// <summary>The policy's compute_migration block.</summary>
public sealed record PolicyFragmentComputeMigration
{
    /// <summary>require_approval: the move deletes computes, a person confirms.</summary>
    [JsonPropertyName("mode")]
    public required string Mode { get; init; }

    /// <summary>true when unsupported computes exist (left in place instead of refusing the move).</summary>
    [JsonPropertyName("skip_unsupported")]
    public bool? SkipUnsupported { get; init; }
}
