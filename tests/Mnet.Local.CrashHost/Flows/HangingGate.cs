namespace Mnet.Local.CrashHost.Flows;

/// <summary>The crash host's gate: announces that the slow step has started, then never opens.</summary>
public sealed class HangingGate : ISlowStepGate
{
    public async Task PassAsync(string instanceId, CancellationToken cancellationToken)
    {
        await Console.Out.WriteLineAsync($"{CrashHostProtocol.ActivityStarted} {instanceId} {Environment.ProcessId}");
        await Console.Out.FlushAsync(cancellationToken);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
