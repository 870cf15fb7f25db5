using Mnet.Arm.Actions;

namespace Mnet.Infra.Tests.Checks;

/// <summary>What the app's ARM client needs (Mnet.Arm ArmActions): the checks hold infra to it.</summary>
/// <param name="All">ArmActions.ActionList: every action the app's code may need.</param>
/// <param name="OperatorOnly">Never granted to the app (roleDefinitions/write).</param>
/// <param name="WorkspaceCreationOnly">Granted only by the optional, resource-group-scoped workspace-creation role.</param>
public sealed record AppActionSets(IReadOnlyList<string> All, IReadOnlyList<string> OperatorOnly, IReadOnlyList<string> WorkspaceCreationOnly)
{
    public static AppActionSets FromArmActions() =>
        new(ArmActions.ActionList, ArmActions.OperatorOnly, ArmActions.WorkspaceCreationOnly);
}
