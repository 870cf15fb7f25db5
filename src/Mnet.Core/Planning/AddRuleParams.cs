using System.Text.Json.Serialization;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <param name="Rule">Body for PUT {ws}/outboundRules/{name} (<c>{properties: rule}</c>).</param>
/// <param name="AddsFirstFqdnRule">This rule creates the workspace's Azure Firewall.</param>
public sealed record AddRuleParams(
    string Name,
    [property: JsonConverter(typeof(DesiredRuleJsonConverter))] OutboundRule Rule,
    bool AddsFirstFqdnRule);
