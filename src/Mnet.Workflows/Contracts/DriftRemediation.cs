namespace Mnet.Workflows.Contracts;

/// <summary>One drifted workspace the scan handed to an independent onboarding.</summary>
public sealed record DriftRemediation(string WorkspaceId, string InstanceId, RemediationStatus Status, string? Error = null);
