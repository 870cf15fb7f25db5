namespace Mnet.Emulator.Ids;

/// <summary>ARM scope arithmetic: ids compare case-insensitively; a scope covers itself and everything below it.</summary>
public static class ScopePath
{
    /// <summary>The comparison key of an id: lower case, no trailing slash.</summary>
    public static string Key(string id) => id.TrimEnd('/').ToLowerInvariant();

    /// <summary>True when <paramref name="scope"/> is <paramref name="id"/> or a parent ("" and "/" cover all).</summary>
    public static bool Covers(string scope, string id)
    {
        var s = Key(scope);
        if (s.Length == 0)
        {
            return true;
        }

        var i = Key(id);
        return i == s || i.StartsWith(s + "/", StringComparison.Ordinal);
    }

    public static string Subscription(string subscriptionId) => $"/subscriptions/{subscriptionId}";

    public static string ResourceGroup(string subscriptionId, string resourceGroup) =>
        $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}";

    /// <summary>The subscription and resource group a scope names, when it does.</summary>
    public static (string? SubscriptionId, string? ResourceGroup) Parts(string scope)
    {
        var p = scope.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string? sub = null;
        string? rg = null;
        if (p.Length >= 2 && p[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase))
        {
            sub = p[1];
            if (p.Length >= 4 && p[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase))
            {
                rg = p[3];
            }
        }

        return (sub, rg);
    }

    /// <summary>Last path segment (a GUID name in role ids).</summary>
    public static string LastSegment(string id)
    {
        var p = id.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return p.Length == 0 ? string.Empty : p[^1];
    }

    /// <summary>The id without its last segment (the resource a POST action acts on).</summary>
    public static string Parent(string id)
    {
        var i = id.TrimEnd('/').LastIndexOf('/');
        return i <= 0 ? "/" : id[..i];
    }

    /// <summary>Scopes ARM accepts: root, a management group, a subscription, a group, or a resource below it.</summary>
    public static bool IsValidScope(string scope)
    {
        if (scope == "/")
        {
            return true;
        }

        var p = scope.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.ToLowerInvariant()).ToArray();
        if (p.Length > 0 && p[0] == "subscriptions")
        {
            if (p.Length == 2)
            {
                return true;
            }

            if (p.Length < 4 || p[2] != "resourcegroups")
            {
                return false;
            }

            return p.Length == 4 || (p[4] == "providers" && p.Length >= 8 && (p.Length - 6) % 2 == 0);
        }

        return p.Length == 4 && p[0] == "providers" && p[1] == "microsoft.management" && p[2] == "managementgroups";
    }
}
