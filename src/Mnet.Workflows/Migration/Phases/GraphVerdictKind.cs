namespace Mnet.Workflows.Migration.Phases;

internal enum GraphVerdictKind
{
    Ok,
    Pending,
    Failed,
}
