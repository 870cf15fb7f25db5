namespace Mnet.Emulator.Faults;

/// <summary>The operation the matching request starts ends Failed with this error.</summary>
public sealed record LroFailFault(string Code, string Message) : Fault
{
    public override string Kind => "lroFail";

    public override bool ActsOnOperation => true;
}
