using Mnet.Core.Resources;

namespace Mnet.Arm.Recreate;

/// <summary>The writable part of an identity block: its type and the user-assigned identity ids (as empty objects).</summary>
public static class WritableIdentity
{
    public static ManagedServiceIdentity Of(ManagedServiceIdentity identity) => new()
    {
        Type = identity.Type,
        UserAssignedIdentities = identity.UserAssignedIdentities?.ToDictionary(
            p => p.Key, _ => new UserAssignedIdentityInfo(), StringComparer.Ordinal),
    };
}
