using Mnet.Emulator.State;

namespace Mnet.Emulator.Routing;

/// <summary>What an area may set up at start.</summary>
public sealed record AreaContext(EmulatorState State, IList<IRequestObserver> Observers);
