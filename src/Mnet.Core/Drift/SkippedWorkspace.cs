namespace Mnet.Core.Drift;

/// <summary>A workspace the scan did not judge (outside the policy scope or the app's subscriptions), and why.</summary>
public sealed record SkippedWorkspace(string WorkspaceId, string Reason);
