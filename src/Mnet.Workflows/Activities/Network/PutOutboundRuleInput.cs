using System.Text.Json.Serialization;
using Mnet.Core.Planning;
using Mnet.Core.Resources;

namespace Mnet.Workflows.Activities.Network;

public sealed record PutOutboundRuleInput(
    string WorkspaceId,
    string Name,
    [property: JsonConverter(typeof(DesiredRuleJsonConverter))] OutboundRule Rule);
