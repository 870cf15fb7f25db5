namespace Mnet.Workflows.Activities.Operations;

/// <summary>Whether a resource exists, and in which provisioning state (with its tags: a creation recognises its own).</summary>
public sealed record ResourcePresence(bool Exists, string? ProvisioningState = null, IReadOnlyDictionary<string, string>? Tags = null);
