namespace Mnet.Workflows.Contracts;

/// <summary>What an instance does for its workspace: one instance per workspace and purpose.</summary>
public enum InstancePurpose
{
    Onboard,
    Migrate,
    Create,
    Provision,
    Roles,
}
