using Mnet.Core.Policy;

namespace Mnet.Local.Serving;

/// <summary>The subscriptions <c>mnet serve</c> acts on: those given, else the policy scope's; GUIDs, lower-cased.</summary>
public static class ServeSubscriptions
{
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string> given, Policy policy)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(policy);
        IReadOnlyList<string> chosen = given.Count > 0 ? given : policy.Scope.Subscriptions;
        if (chosen.Count == 0)
        {
            throw new ServeOptionsException("subscriptions", "are required: the policy's scope names none");
        }

        foreach (string id in chosen)
        {
            if (!Guid.TryParseExact(id.Trim(), "D", out _))
            {
                throw new ServeOptionsException("subscriptions", $"must be subscription GUIDs, got \"{id}\"");
            }
        }

        return chosen.Select(s => s.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
    }
}
