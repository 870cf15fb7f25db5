using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <param name="Rule">The rule as read.</param>
public sealed record RemoveRuleParams(string Name, OutboundRule Rule);
