using System.Text.Json.Serialization;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <param name="From">The rule as read.</param>
/// <param name="To">The rule the policy wants.</param>
/// <param name="Changes">Human-readable differences, e.g. <c>destination: a.com -> b.com</c>.</param>
public sealed record UpdateRuleParams(
    string Name,
    OutboundRule From,
    [property: JsonConverter(typeof(DesiredRuleJsonConverter))] OutboundRule To,
    IReadOnlyList<string> Changes);
