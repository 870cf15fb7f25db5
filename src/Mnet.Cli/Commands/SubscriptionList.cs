namespace Mnet.Cli.Commands;

/// <summary>The subscriptions a scan covers: --subscriptions (GUIDs), else the policy scope's.</summary>
public static class SubscriptionList
{
    /// <summary>The given list (null when not given).</summary>
    /// <exception cref="UsageException">Not subscription ids.</exception>
    public static IReadOnlyList<string>? Parse(string? option)
    {
        if (option is null)
        {
            return null;
        }

        var listed = option.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var bad = listed.Where(s => !Guid.TryParseExact(s, "D", out _)).ToList();
        if (bad.Count > 0)
        {
            throw new UsageException($"--subscriptions must list subscription ids, got \"{string.Join(", ", bad)}\"");
        }

        return listed.Length > 0 ? listed : throw new UsageException("--subscriptions needs at least one subscription id");
    }

    /// <summary>
    /// What to scan. A listed subscription outside the policy's scope is said so (one <c>mnet:</c> line each) and left
    /// out; empty when none is left (the command exits 1: nothing of this policy is there).
    /// </summary>
    /// <exception cref="UsageException">Nothing given and the policy names no subscription.</exception>
    public static IReadOnlyList<string> ForScan(Core.Policy.Policy policy, IReadOnlyList<string>? given, CliIo io)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(io);
        var scope = policy.Scope.Subscriptions;
        if (given is null)
        {
            return scope.Count > 0 ? scope : throw new UsageException("the policy names no subscriptions: pass --subscriptions <id,...>", "");
        }

        if (scope.Count == 0)
        {
            return given;
        }

        var inside = given.Where(s => scope.Contains(s, StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var outside in given.Except(inside, StringComparer.OrdinalIgnoreCase))
        {
            io.Error.WriteLine(
                $"mnet: subscription {outside} is outside the scope of policy \"{policy.Name}\" (it covers {string.Join(", ", scope)}): not scanned");
        }

        return inside;
    }
}
