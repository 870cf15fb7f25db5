using Mnet.Core.Planning;

namespace Mnet.Workflows.Activities.State;

/// <summary>A missing workspace is an answer (<see cref="Found"/> false), not an error.</summary>
public sealed record ReadWorkspaceStateOutput(bool Found, WorkspaceState? State);
