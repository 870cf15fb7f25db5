namespace Mnet.Core.Policy.Validation;

/// <summary>A rule that passed the shape checks, with its place in <c>managed_network.outbound_rules</c>.</summary>
/// <param name="Category">
/// As written (az ml show output carries it); the product always creates user-defined rules.
/// </param>
internal sealed record IndexedRule(int Index, PolicyOutboundRule Rule, string? Category);
