namespace Mnet.Workflows.Contracts;

/// <summary>A private endpoint rule to an approver-role target, with the status last read.</summary>
public sealed record RuleActivation(string Name, string Target, string Status);
