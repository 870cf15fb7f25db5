namespace Mnet.Workflows.Migration.Activities;

/// <summary>A resource as it is now: its state, and the time ARM says it was created (tells one incarnation from the next).</summary>
internal sealed record CurrentResource(string Id, string? ProvisioningState, string? CreatedAt);
