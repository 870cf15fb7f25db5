namespace Mnet.Service.Events;

/// <summary>What one event did: started the workspace's onboarding, found it running, or was ignored (why).</summary>
public sealed record WorkspaceEventOutcome(
    WorkspaceEventAction Action, string? InstanceId = null, string? WorkspaceId = null, string? Reason = null)
{
    public static WorkspaceEventOutcome Ignored(string reason) => new(WorkspaceEventAction.Ignored, Reason: reason);
}
