namespace Mnet.Workflows.CrashHost;

/// <summary>The lines the crash host writes, shared with the test that drives it.</summary>
public static class CrashHostProtocol
{
    /// <summary>Written once the engine runs and the orchestration is scheduled.</summary>
    public const string Scheduled = "MIGRATION-CRASH-HOST-SCHEDULED";

    /// <summary>Written once the instance publishes that it waits for an approval (its plan is recorded by then).</summary>
    public const string WaitingForApproval = "CRASH-HOST-WAITING-FOR-APPROVAL";

    /// <summary>Written after the host approved the waiting instance.</summary>
    public const string Approved = "CRASH-HOST-APPROVED";
}
