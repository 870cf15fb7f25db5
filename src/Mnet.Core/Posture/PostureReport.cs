using System.Text.Json.Serialization;
using Mnet.Core.Posture.Readiness;
using Mnet.Core.Resources;

namespace Mnet.Core.Posture;

/// <summary>
/// The audit of one workspace: its findings (most severe first) and its readiness to move to the managed network.
/// JSON: <see cref="PostureJson"/> (camelCase; the readiness's policy parts in the policy's snake_case).
/// </summary>
public sealed record PostureReport
{
    public required string WorkspaceId { get; init; }
    public required string WorkspaceName { get; init; }
    public required string Location { get; init; }
    public required IsolationMode IsolationMode { get; init; }

    /// <summary>Why the workspace was not audited (it already has a managed network); null when it was.</summary>
    public string? NotAudited { get; init; }

    /// <summary>The VNets the workspace lives in (its private endpoints', else its computes'), as ids.</summary>
    public IReadOnlyList<string> VirtualNetworks { get; init; } = [];

    public IReadOnlyList<PostureFinding> Findings { get; init; } = [];

    /// <summary>What moving to the managed network takes; null when not audited.</summary>
    public PostureReadiness? Readiness { get; init; }

    [JsonIgnore]
    public bool Audited => NotAudited is null;

    /// <summary>Findings of one severity.</summary>
    public int CountOf(PostureSeverity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>One line for logs and the CLI.</summary>
    public string Summarize() =>
        !Audited
            ? $"{WorkspaceName}: not audited ({NotAudited})"
            : $"{WorkspaceName}: {Findings.Count} finding(s) ({CountOf(PostureSeverity.High)} high, " +
              $"{CountOf(PostureSeverity.Medium)} medium, {CountOf(PostureSeverity.Low)} low, " +
              $"{CountOf(PostureSeverity.Info)} info); move: {Readiness?.ComputesToRecreate.Count ?? 0} compute(s) to " +
              $"recreate, {Readiness?.OutboundRules.Count ?? 0} outbound rule(s)";
}
