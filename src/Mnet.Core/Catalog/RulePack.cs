namespace Mnet.Core.Catalog;

/// <summary>A scenario rule pack (approved-outbound mode).</summary>
/// <param name="Kinds">Only meaningful for these workspace kinds; null: all kinds.</param>
public sealed record RulePack(string Name, string Description, IReadOnlyList<string>? Kinds, IReadOnlyList<PackRule> Rules);
