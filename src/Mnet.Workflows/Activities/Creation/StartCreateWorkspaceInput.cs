using Mnet.Arm.Models;

namespace Mnet.Workflows.Activities.Creation;

/// <param name="RequestId">The creating orchestration's instance id, written as the <see cref="CreationTag"/> value.</param>
public sealed record StartCreateWorkspaceInput(string WorkspaceId, WorkspaceCreateBody Body, string RequestId);
