using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Mnet.Arm.Errors;

namespace Mnet.Arm.Roles;

/// <summary>
/// Deterministic names for role assignments and custom role definitions: RFC 4122 name-based UUIDs (v5, SHA-1) of
/// lower-cased inputs, so that a retried or repeated grant PUTs the same name and is a no-op.
/// </summary>
public static partial class RoleNames
{
    /// <summary>The product's UUID namespace. Never change it: every existing assignment name would change with it.</summary>
    public const string Namespace = "5d0f3c1e-8f0b-4b8e-9a57-2f6f2f1d7a3c";

    public static string UuidV5(string name, string @namespace = Namespace)
    {
        if (!GuidPattern().IsMatch(@namespace))
        {
            throw new ArmUsageException(ArmUsageErrorCode.InvalidNamespace, $"UUID namespace \"{@namespace}\" is not a GUID");
        }
        var namespaceBytes = Convert.FromHexString(@namespace.Replace("-", "", StringComparison.Ordinal));
        var input = namespaceBytes.Concat(Encoding.UTF8.GetBytes(name)).ToArray();
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 version 5 specifies; no security rests on it.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0f) | 0x50); // version 5
        bytes[8] = (byte)((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>Scopes compare without case and without a trailing slash.</summary>
    public static string NormalizeScope(string scope) => scope.Trim().TrimEnd('/').ToLowerInvariant();

    /// <summary>The role GUID of a role definition given as a GUID or as a full roleDefinitions id (any scope form).</summary>
    public static string RoleDefinitionGuid(string roleDefinitionId)
    {
        var last = roleDefinitionId.Trim().TrimEnd('/').Split('/')[^1];
        if (!GuidPattern().IsMatch(last))
        {
            throw new ArmUsageException(
                ArmUsageErrorCode.InvalidRoleDefinition,
                $"\"{roleDefinitionId}\" is neither a role definition GUID nor a role definition id");
        }
        return last.ToLowerInvariant();
    }

    /// <summary>Name of the assignment of a role to a principal at a scope.</summary>
    public static string RoleAssignmentName(string scope, string principalId, string roleDefinitionId) =>
        UuidV5($"roleAssignment|{NormalizeScope(scope)}|{principalId.Trim().ToLowerInvariant()}|{RoleDefinitionGuid(roleDefinitionId)}");

    /// <summary>Name of the product's custom role <paramref name="roleName"/> defined at a scope.</summary>
    public static string RoleDefinitionName(string scope, string roleName) =>
        UuidV5($"roleDefinition|{NormalizeScope(scope)}|{roleName.Trim().ToLowerInvariant()}");

    /// <summary>The full role definition id as role assignments expect it: subscription-scoped when the scope has one.</summary>
    public static string RoleDefinitionResourceId(string scope, string roleDefinitionId)
    {
        if (roleDefinitionId.Contains('/', StringComparison.Ordinal)) return roleDefinitionId;
        var subscription = SubscriptionPrefix().Match(scope.Trim());
        var prefix = subscription.Success ? $"/subscriptions/{subscription.Groups[1].Value}" : "";
        return $"{prefix}/providers/Microsoft.Authorization/roleDefinitions/{RoleDefinitionGuid(roleDefinitionId)}";
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", RegexOptions.IgnoreCase)]
    private static partial Regex GuidPattern();

    [GeneratedRegex("^/subscriptions/([^/]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SubscriptionPrefix();
}
