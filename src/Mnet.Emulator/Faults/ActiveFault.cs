namespace Mnet.Emulator.Faults;

/// <summary>A registered fault and how many times it fired.</summary>
public sealed record ActiveFault(int Id, FaultSpec Spec, int Fired);
