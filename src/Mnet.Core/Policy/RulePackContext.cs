namespace Mnet.Core.Policy;

/// <summary>What rule pack expansion needs to know about one workspace.</summary>
/// <param name="DefaultStorageAccountId">
/// Target of the batch_endpoints pack; without it that pack's rules are left out.
/// </param>
/// <param name="WorkspaceKind">
/// Packs limited to other kinds (hub-only packs) are left out. Null: every pack applies.
/// </param>
public sealed record RulePackContext(string? DefaultStorageAccountId = null, string? WorkspaceKind = null);
