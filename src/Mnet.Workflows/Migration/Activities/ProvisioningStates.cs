namespace Mnet.Workflows.Migration.Activities;

/// <summary>How the migration reads a resource's provisioningState (ARM spells them freely: compared without case).</summary>
public static class ProvisioningStates
{
    static readonly HashSet<string> Busy = new(StringComparer.OrdinalIgnoreCase)
    {
        "Creating", "Updating", "Provisioning", "Accepted", "InProgress", "Running",
    };

    /// <summary>Being created or updated: neither deleted nor created again until it settles.</summary>
    public static bool IsBusy(string? state) => state is not null && Busy.Contains(state);

    public static bool IsDeleting(string? state) => string.Equals(state, "Deleting", StringComparison.OrdinalIgnoreCase);

    public static bool IsFailed(string? state) => string.Equals(state, "Failed", StringComparison.OrdinalIgnoreCase);
}
