using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

internal sealed record RuleDiffInput(
    DesiredRuleSet Desired,
    IReadOnlyDictionary<string, OutboundRule> Actual,
    IsolationMode DesiredMode,
    string FirewallSku);
