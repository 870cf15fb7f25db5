namespace Mnet.Workflows.Activities.Network;

/// <param name="Target">Private endpoint rules: the target resource id.</param>
public sealed record RuleStatus(string Name, string Type, string? Category, string? Status, string? Target);
