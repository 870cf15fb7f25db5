namespace Mnet.Emulator.State;

/// <summary>
/// Whether any of these principals holds a role granting <paramref name="action"/> at the resource or a parent
/// scope. The authorization area supplies the real one (role assignments + definitions, wildcards, notActions);
/// until it is set, nothing is granted, as in a subscription with no role assignments.
/// </summary>
public interface IAccessCheck
{
    bool Grants(IReadOnlyCollection<string> principalIds, string resourceId, string action);
}
