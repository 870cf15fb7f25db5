namespace Mnet.Emulator.Faults;

/// <summary>The operation the matching request starts stays InProgress forever.</summary>
public sealed record LroNeverFinishFault : Fault
{
    public override string Kind => "lroNeverFinish";

    public override bool ActsOnOperation => true;
}
