namespace Mnet.Workflows.Activities.Network;

public sealed record DeleteOutboundRuleInput(string WorkspaceId, string Name);
