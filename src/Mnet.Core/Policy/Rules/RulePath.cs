using Mnet.Core.Policy.Validation;

namespace Mnet.Core.Policy.Rules;

internal static class RulePath
{
    /// <summary><c>managed_network.outbound_rules[index]</c>, then <paramref name="rest"/>.</summary>
    public static PathSegment[] Of(int index, params PathSegment[] rest) =>
        ["managed_network", "outbound_rules", index, .. rest];
}
