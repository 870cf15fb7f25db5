using Mnet.Core.Resources;

namespace Mnet.Core.Catalog;

/// <summary>Isolation modes and the transitions between them. Source: facts page, "Isolation modes" and "Transitions".</summary>
public static class IsolationModes
{
    /// <summary>Policy names of the modes mapped to the ARM values, least restrictive first.</summary>
    public static IReadOnlyList<IsolationModeEntry> Entries { get; } =
    [
        new(IsolationMode.Disabled, "disabled", 0),
        new(IsolationMode.AllowInternetOutbound, "allow_internet_outbound", 1),
        new(IsolationMode.AllowOnlyApprovedOutbound, "allow_only_approved_outbound", 2),
    ];

    /// <summary>The policy spellings, in <see cref="Entries"/> order.</summary>
    public static IReadOnlyList<string> PolicyNames { get; } = [.. Entries.Select(e => e.PolicyName)];

    /// <summary>
    /// Transitions between modes. Every change of mode is irreversible in practice. Source: facts page "Transitions".
    /// </summary>
    public static IReadOnlyList<ModeTransitionRule> ModeTransitions { get; } =
    [
        new(IsolationMode.AllowInternetOutbound, IsolationMode.Disabled, false,
            "Managed network cannot be disabled once enabled."),
        new(IsolationMode.AllowOnlyApprovedOutbound, IsolationMode.Disabled, false,
            "Managed network cannot be disabled once enabled."),
        new(IsolationMode.AllowOnlyApprovedOutbound, IsolationMode.AllowInternetOutbound, false,
            "A workspace in allow_only_approved_outbound cannot be changed to allow_internet_outbound."),
        new(IsolationMode.AllowInternetOutbound, IsolationMode.AllowOnlyApprovedOutbound, true,
            "The SDK documentation says a workspace created with internet outbound cannot later move to approved outbound; " +
            "the service accepts it today, so the product treats it as irreversible and asks for confirmation.",
            RequiresConfirmation: true),
        new(IsolationMode.Disabled, IsolationMode.AllowInternetOutbound, true,
            "Enabling the managed network cannot be undone."),
        new(IsolationMode.Disabled, IsolationMode.AllowOnlyApprovedOutbound, true,
            "Enabling the managed network cannot be undone."),
    ];

    /// <summary>The mode a policy spelling names (exact spelling); false for anything else.</summary>
    public static bool TryFromPolicyName(string? policyName, out IsolationMode mode)
    {
        var entry = Entries.FirstOrDefault(e => string.Equals(e.PolicyName, policyName, StringComparison.Ordinal));
        mode = entry?.Mode ?? default;
        return entry is not null;
    }

    /// <summary>The mode a policy spelling names; throws naming the value and the accepted spellings.</summary>
    public static IsolationMode FromPolicyName(string policyName) =>
        TryFromPolicyName(policyName, out var mode)
            ? mode
            : throw new ArgumentException(
                $"\"{policyName}\" is not an isolation mode; expected one of {string.Join(", ", PolicyNames)}.",
                nameof(policyName));

    /// <summary>The policy spelling of a mode.</summary>
    public static string ToPolicyName(IsolationMode mode) => Entry(mode).PolicyName;

    /// <summary>Restrictiveness rank: higher is stricter.</summary>
    public static int Rank(IsolationMode mode) => Entry(mode).Rank;

    public static ModeTransitionRule? FindModeTransition(IsolationMode from, IsolationMode to) =>
        ModeTransitions.FirstOrDefault(t => t.From == from && t.To == to);

    private static IsolationModeEntry Entry(IsolationMode mode) =>
        Entries.FirstOrDefault(e => e.Mode == mode)
        ?? throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not an isolation mode.");
}
