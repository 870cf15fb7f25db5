namespace Mnet.Local.CrashHost;

/// <summary>The crash host's command line and the lines it writes, shared with the test that drives it.</summary>
public static class CrashHostProtocol
{
    /// <summary>Written once the flow is scheduled.</summary>
    public const string Scheduled = "CRASH-HOST-SCHEDULED";

    /// <summary>Written (with the instance id and process id) when the slow step starts: the moment to kill.</summary>
    public const string ActivityStarted = "CRASH-HOST-ACTIVITY-STARTED";

    /// <summary>The arguments for one run.</summary>
    public static IReadOnlyList<string> Arguments(string store, string taskHub, string instanceId) =>
        [store, taskHub, instanceId];
}
