namespace Mnet.Workflows.Activities.Network;

/// <param name="Rules">Also read each rule's status.</param>
public sealed record ReadNetworkStatusInput(string WorkspaceId, bool Rules);
