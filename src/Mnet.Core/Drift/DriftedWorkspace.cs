using Mnet.Core.Planning;

namespace Mnet.Core.Drift;

/// <param name="Reasons">One line per plan step: what differs from the policy.</param>
public sealed record DriftedWorkspace(string WorkspaceId, string Name, string Kind, IReadOnlyList<string> Reasons, Plan Plan);
