using Mnet.Core.Policy.Validation;
using Mnet.Core.Resources;

namespace Mnet.Core.Policy.Schema;

/// <summary>What the <c>managed_network</c> section yielded, part by part (null: unset or invalid).</summary>
/// <param name="RuleCount">How many rules the file lists, valid or not.</param>
/// <param name="RulesComplete">Every listed rule is valid (and the list itself is).</param>
/// <param name="Ok">The whole section is valid.</param>
internal sealed record ManagedNetworkParts(
    IsolationMode? Mode,
    string? FirewallSku,
    IReadOnlyList<IndexedRule> Rules,
    int RuleCount,
    bool RulesComplete,
    bool Ok);
