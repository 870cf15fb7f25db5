namespace Mnet.Local.CrashHost.Flows;

/// <summary>
/// Where the slow step waits: forever in the crash host (until it is killed), not at all after the crash.
/// </summary>
public interface ISlowStepGate
{
    Task PassAsync(string instanceId, CancellationToken cancellationToken);
}
