namespace Mnet.Emulator.Ml.Workspaces;

/// <summary>Which kind of workspace write a body comes with.</summary>
public enum WriteMode
{
    Create,
    Put,
    Patch,
}
