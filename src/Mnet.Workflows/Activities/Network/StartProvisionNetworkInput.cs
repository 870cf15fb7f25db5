namespace Mnet.Workflows.Activities.Network;

public sealed record StartProvisionNetworkInput(string WorkspaceId, bool IncludeSpark);
