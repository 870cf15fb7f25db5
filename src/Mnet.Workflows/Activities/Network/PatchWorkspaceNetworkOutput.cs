namespace Mnet.Workflows.Activities.Network;

/// <param name="Changes">The fields that differed, e.g. <c>isolationMode: Disabled -> AllowOnlyApprovedOutbound</c>.</param>
public sealed record PatchWorkspaceNetworkOutput(bool Changed, IReadOnlyList<string> Changes);
