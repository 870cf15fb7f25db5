namespace Mnet.Emulator.Faults;

/// <summary>Drop the connection without an answer.</summary>
public sealed record ResetFault : Fault
{
    public override string Kind => "reset";
}
