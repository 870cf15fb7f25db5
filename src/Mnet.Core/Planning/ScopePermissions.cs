using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// The effective permissions one identity holds at one scope, as ARM's permissions API answers
/// (<c>GET {scope}/providers/Microsoft.Authorization/permissions</c>): the blocks of every role assignment that covers it.
/// </summary>
public sealed record ScopePermissions(string Scope, IReadOnlyList<RolePermission> Permissions);
