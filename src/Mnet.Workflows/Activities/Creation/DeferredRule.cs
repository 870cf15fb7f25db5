using System.Text.Json.Serialization;
using Mnet.Core.Planning;
using Mnet.Core.Resources;

namespace Mnet.Workflows.Activities.Creation;

/// <summary>A rule that cannot be set at creation (a private endpoint to the workspace itself): added after it.</summary>
public sealed record DeferredRule(string Name, [property: JsonConverter(typeof(DesiredRuleJsonConverter))] OutboundRule Rule);
