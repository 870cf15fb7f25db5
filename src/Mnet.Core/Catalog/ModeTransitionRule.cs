using Mnet.Core.Resources;

namespace Mnet.Core.Catalog;

/// <summary>Whether the service lets a workspace move between two isolation modes, and why.</summary>
/// <param name="Reason">Why the service refuses it, or why it is risky.</param>
/// <param name="RequiresConfirmation">Allowed, but the product asks for explicit confirmation (the docs contradict each other).</param>
public sealed record ModeTransitionRule(
    IsolationMode From,
    IsolationMode To,
    bool Allowed,
    string Reason,
    bool RequiresConfirmation = false);
