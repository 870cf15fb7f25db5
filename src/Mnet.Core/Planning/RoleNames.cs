using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Mnet.Core.Planning;

/// <summary>
/// Deterministic names for role assignments and custom role definitions: RFC 4122 name-based UUIDs (v5, SHA-1) of
/// lower-cased inputs, so that a retried or repeated grant PUTs the same name and is a no-op. Pure (hashing only);
/// the planner uses them to recognise the product's roles, the ARM layer to name what it writes.
/// </summary>
public static partial class RoleNames
{
    /// <summary>The product's UUID namespace. Never change it: every existing assignment name would change with it.</summary>
    public const string UuidNamespace = "5d0f3c1e-8f0b-4b8e-9a57-2f6f2f1d7a3c";

    /// <summary>Name-based UUID (version 5) of <paramref name="name"/> in <paramref name="ns"/>, lower-case text.</summary>
    public static string UuidV5(string name, string ns = UuidNamespace)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!GuidPattern().IsMatch(ns)) throw new ArgumentException($"UUID namespace \"{ns}\" is not a GUID", nameof(ns));
        // The namespace's bytes in RFC 4122 (big-endian) order: its hex digits as written.
        var nsBytes = Convert.FromHexString(ns.Replace("-", "", StringComparison.Ordinal));
        var input = new byte[nsBytes.Length + Encoding.UTF8.GetByteCount(name)];
        nsBytes.CopyTo(input, 0);
        Encoding.UTF8.GetBytes(name, 0, name.Length, input, nsBytes.Length);
        var hash = SHA1.HashData(input);
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0f) | 0x50); // version 5
        bytes[8] = (byte)((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>Scopes compare case-insensitively and without a trailing slash.</summary>
    public static string NormalizeScope(string scope) => scope.Trim().TrimEnd('/').ToLowerInvariant();

    /// <summary>
    /// The (lower-case) role GUID of a role definition given as a GUID or as a full roleDefinitions id (any scope
    /// form); null when it is neither.
    /// </summary>
    public static string? TryRoleDefinitionGuid(string roleDefinitionId)
    {
        var trimmed = roleDefinitionId.Trim().TrimEnd('/');
        var last = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        return GuidPattern().IsMatch(last) ? last.ToLowerInvariant() : null;
    }

    /// <summary>Like <see cref="TryRoleDefinitionGuid"/>, but an unusable value is an error naming it.</summary>
    public static string RoleDefinitionGuid(string roleDefinitionId) =>
        TryRoleDefinitionGuid(roleDefinitionId)
        ?? throw new ArgumentException(
            $"\"{roleDefinitionId}\" is neither a role definition GUID nor a role definition id", nameof(roleDefinitionId));

    /// <summary>Name of the assignment of <paramref name="roleDefinitionId"/> to <paramref name="principalId"/> at <paramref name="scope"/>.</summary>
    public static string RoleAssignmentName(string scope, string principalId, string roleDefinitionId) =>
        UuidV5($"roleAssignment|{NormalizeScope(scope)}|{principalId.Trim().ToLowerInvariant()}|{RoleDefinitionGuid(roleDefinitionId)}");

    /// <summary>Name (GUID) of the product's custom role <paramref name="roleName"/> defined at <paramref name="scope"/>.</summary>
    public static string RoleDefinitionName(string scope, string roleName) =>
        UuidV5($"roleDefinition|{NormalizeScope(scope)}|{roleName.Trim().ToLowerInvariant()}");

    /// <summary>
    /// The product's custom approver role for one target: role names are unique per tenant, so the first 8 hex digits
    /// of sha256(lower-cased target scope) join the catalog's name.
    /// </summary>
    public static string CustomRoleNameForTarget(string baseName, string targetScope)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(targetScope.ToLowerInvariant()));
        return string.Create(CultureInfo.InvariantCulture, $"{baseName} [{Convert.ToHexStringLower(hash)[..8]}]");
    }

    /// <summary>GUID of the custom approver role <paramref name="baseName"/> (catalog name) defined at <paramref name="targetScope"/>.</summary>
    public static string CustomApproverRoleGuid(string baseName, string targetScope) =>
        RoleDefinitionName(targetScope, CustomRoleNameForTarget(baseName, targetScope));

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex GuidPattern();
}
