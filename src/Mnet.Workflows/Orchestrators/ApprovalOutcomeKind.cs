namespace Mnet.Workflows.Orchestrators;

public enum ApprovalOutcomeKind
{
    Approved,
    Rejected,
    TimedOut,
}
