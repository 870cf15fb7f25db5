namespace Mnet.Emulator.Faults;

/// <summary>Answer after a real-time delay (to exercise client timeouts).</summary>
public sealed record LatencyFault(TimeSpan Delay) : Fault
{
    public override string Kind => "latency";
}
