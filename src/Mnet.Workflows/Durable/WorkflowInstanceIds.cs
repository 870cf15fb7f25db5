using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Durable;

/// <summary>
/// Deterministic orchestration instance ids: one instance per workspace and purpose, so a duplicate trigger finds
/// the running instance instead of starting a second. Instance ids may not contain / \ # ?, so the workspace id is
/// hashed (ARM ids are case-insensitive: trimmed and lower-cased first).
/// </summary>
public static partial class WorkflowInstanceIds
{
    /// <summary>32 hex characters of SHA-256 over the lower-cased id: the workspace's key (ids, snapshot folders).</summary>
    public static string WorkspaceKey(string workspaceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workspaceId);
        return Hex(workspaceId.Trim().ToLowerInvariant(), 32);
    }

    /// <summary><c>mnet-{purpose}-{workspaceKey}</c>, e.g. <c>mnet-onboard-3f2a...</c>.</summary>
    public static string ForWorkspace(string workspaceId, InstancePurpose purpose = InstancePurpose.Onboard) =>
        $"mnet-{purpose.ToString().ToLowerInvariant()}-{WorkspaceKey(workspaceId)}";

    /// <summary>The drift scan is a singleton per policy: the timer never overlaps itself.</summary>
    public static string DriftScan(string policyName)
    {
        ArgumentNullException.ThrowIfNull(policyName);
        return $"mnet-drift-{Hex(policyName, 16)}";
    }

    /// <summary>Guards HTTP routes: only ids this app minted are looked up.</summary>
    public static bool IsMnetInstanceId(string value) => value is not null && InstanceId().IsMatch(value);

    static string Hex(string text, int length) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..length];

    [GeneratedRegex("^mnet-[a-z]+-[0-9a-f]{16,32}$")]
    private static partial Regex InstanceId();
}
