using System.Text.Json.Serialization;

namespace Mnet.Core.Drift;

/// <summary>What a scan found; JSON-serializable with <see cref="Planning.PlanJson.Options"/> (stored and served by the HTTP API).</summary>
public sealed record DriftReport
{
    [JsonConverter(typeof(IsoInstantJsonConverter))]
    public required DateTimeOffset GeneratedAt { get; init; }

    public required string PolicyName { get; init; }

    /// <summary>Rows evaluated.</summary>
    public required int Scanned { get; init; }

    public required int InScope { get; init; }

    /// <summary>How many in-scope workspaces are compliant.</summary>
    public required int Compliant { get; init; }

    public IReadOnlyList<DriftedWorkspace> Drifted { get; init; } = [];

    public IReadOnlyList<SkippedWorkspace> Skipped { get; init; } = [];

    public IReadOnlyList<RefusedWorkspace> Refused { get; init; } = [];

    /// <summary>The posture of the in-scope workspaces without a managed network; null when the scan did not audit them.</summary>
    public DriftPosture? Posture { get; init; }

    /// <summary>
    /// Always false: Resource Graph rows carry no computes, so drift judges mode, rules, firewall and public access
    /// only; the onboarding orchestration re-reads computes before it migrates anything.
    /// </summary>
    public bool ComputesKnown => false;

    /// <summary>Something to act on or to look at: drift or a refusal.</summary>
    [JsonIgnore]
    public bool HasDrift => Drifted.Count > 0 || Refused.Count > 0;

    /// <summary>One line for logs and the CLI.</summary>
    public string Summarize() =>
        $"{PolicyName}: {Scanned} scanned, {InScope} in scope, {Compliant} compliant, " +
        $"{Drifted.Count} drifted, {Refused.Count} refused, {Skipped.Count} skipped";
}
