namespace Mnet.Emulator.Faults;

/// <summary>
/// What an injected fault does. Status, reset and latency act on the matching request itself; LRO faults act on
/// the long-running operation the next matching request starts.
/// </summary>
public abstract record Fault
{
    public abstract string Kind { get; }

    public virtual bool ActsOnOperation => false;
}
