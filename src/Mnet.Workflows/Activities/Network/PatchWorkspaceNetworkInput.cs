using Mnet.Core.Resources;

namespace Mnet.Workflows.Activities.Network;

public sealed record PatchWorkspaceNetworkInput(string WorkspaceId, WorkspaceNetworkPatch Patch);
