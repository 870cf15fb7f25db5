using Mnet.Arm.Lro;

namespace Mnet.Workflows.Activities.Creation;

/// <summary>Either the creation was started (<see cref="Handle"/>), or a workspace of that name exists.</summary>
/// <param name="Ours">It exists because an earlier attempt of this very request created it (its tag says so).</param>
public sealed record StartCreateWorkspaceOutput(string ResourceId, LroHandle? Handle, bool Exists, bool Ours, string? ProvisioningState)
{
    public bool Started => Handle is not null;
}
