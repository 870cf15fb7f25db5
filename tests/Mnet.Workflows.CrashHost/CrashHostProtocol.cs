namespace Mnet.Workflows.CrashHost;

/// <summary>The lines the crash host writes, shared with the test that drives it.</summary>
public static class CrashHostProtocol
{
    /// <summary>Written once the engine runs and the orchestration is scheduled.</summary>
    public const string Scheduled = "MIGRATION-CRASH-HOST-SCHEDULED";
}
