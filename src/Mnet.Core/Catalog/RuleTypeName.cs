namespace Mnet.Core.Catalog;

/// <summary>An outbound rule type: its policy spelling and its ARM value.</summary>
public sealed record RuleTypeName(string PolicyName, string ArmType);
