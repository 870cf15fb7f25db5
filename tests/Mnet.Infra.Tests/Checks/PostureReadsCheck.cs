using Mnet.Arm.Actions;

namespace Mnet.Infra.Tests.Checks;

/// <summary>
/// The posture audit's reads (Mnet.Arm PostureReader.RequiredActions) are granted: each by the operator role or the
/// subscription reader, and the Resource Graph reads (VNets, private endpoints, private link scopes: anywhere in the
/// subscription, not only in governed groups) by the subscription reader.
/// </summary>
public static class PostureReadsCheck
{
    public static IReadOnlyList<string> Check(string roleModule, IReadOnlyList<string> required)
    {
        var operatorRole = BicepText.StringArrayVar(roleModule, "operatorRoleActions") ?? [];
        var reader = BicepText.StringArrayVar(roleModule, "subscriptionReadActions") ?? [];
        var comparer = StringComparer.OrdinalIgnoreCase;
        var problems = new List<string>();
        foreach (var action in required)
        {
            if (!operatorRole.Contains(action, comparer) && !reader.Contains(action, comparer))
            {
                problems.Add($"posture read not granted by infra: {action}");
            }
            else if (ArmActions.ResourceGraphReads.Contains(action, comparer) && !reader.Contains(action, comparer))
            {
                problems.Add($"{action} is not in the subscription reader role: Resource Graph would not return the resources outside the governed groups");
            }
        }

        return problems;
    }
}
