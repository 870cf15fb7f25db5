using Mnet.Core.Catalog;
using Mnet.Core.Policy.Syntax;
using Mnet.Core.Resources;

namespace Mnet.Core.Policy.Validation;

/// <summary>
/// The parts of a policy that passed the shape checks, section by section, so the semantic rules still run on them
/// when another part is broken: every problem is reported at once. Null means unset or invalid.
/// </summary>
internal sealed record PolicyView
{
    public required PolicyMapping Raw { get; init; }
    /// <summary>The whole document passed the shape checks (then every section below is set).</summary>
    public bool ShapeValid { get; init; }
    public string? Name { get; init; }
    public PolicyScope? Scope { get; init; }
    public IsolationMode? Mode { get; init; }
    /// <summary>"standard" or "basic" (lower case whatever the file wrote).</summary>
    public string? FirewallSku { get; init; }
    public IReadOnlyList<IndexedRule> Rules { get; init; } = [];
    /// <summary>How many rules the file lists, valid or not.</summary>
    public int RuleCount { get; init; }
    /// <summary>Every rule passed the shape checks, so checks like "some rule enables spark" are sound.</summary>
    public bool RulesComplete { get; init; }
    public IReadOnlyList<string>? RulePacks { get; init; }
    public PolicyRulePackOptions? RulePackOptions { get; init; }
    public PolicyProvisioning? Provisioning { get; init; }
    public PolicyComputeMigration? ComputeMigration { get; init; }
    public PolicyApproverRoles? ApproverRoles { get; init; }
    /// <summary>Null: unset or invalid; see <see cref="PublicNetworkAccessValid"/>.</summary>
    public string? PublicNetworkAccess { get; init; }
    public bool PublicNetworkAccessValid { get; init; }
    public string? ImageBuildCompute { get; init; }
    public PolicyDrift? Drift { get; init; }

    /// <summary>The policy spelling of the mode, for messages.</summary>
    public string? ModeName => Mode is { } mode ? IsolationModes.ToPolicyName(mode) : null;

    public bool IsApproved => Mode == IsolationMode.AllowOnlyApprovedOutbound;
}
