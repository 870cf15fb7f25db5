namespace Mnet.Core.Policy;

/// <summary>One validation rule: its stable id, its severity and where the fact it encodes comes from.</summary>
/// <param name="Source">A section of the facts page, or the file format.</param>
public sealed record PolicyRuleInfo(string Id, PolicyRuleSeverity Severity, string Source);
