using Mnet.Core.Catalog;

namespace Mnet.Infra.Tests.Checks;

/// <summary>The catalog's view of custom approver roles (Mnet.Core.Catalog), or a changed one for a mutation test.</summary>
public sealed record ApproverCatalog(
    IReadOnlyList<string> UncoveredTypes,
    Func<string, IReadOnlyList<string>> ActionsOf,
    Func<string, string> NameOf)
{
    public static ApproverCatalog FromCore() => new(
        PrivateEndpointTargets.All.Where(t => !t.ApproverRoleCovers).Select(t => t.ResourceType).ToList(),
        ApproverRoles.CustomApproverRoleActions,
        ApproverRoles.CustomApproverRoleName);
}
