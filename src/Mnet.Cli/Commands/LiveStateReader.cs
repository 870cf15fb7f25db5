using Mnet.Core.Planning;

namespace Mnet.Cli.Commands;

/// <summary>Reads a workspace (with computes, endpoints, rules, role assignments) from ARM.</summary>
public delegate Task<WorkspaceState> LiveStateReader(string workspaceId, CancellationToken cancellation);
