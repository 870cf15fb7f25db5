using Mnet.Emulator.Http;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Routing;

/// <summary>
/// Sees every handled ARM request and its answer (under the state gate, after the handler), e.g. to emit resource
/// events. Not called for admin routes, faults or requests refused before a handler ran.
/// </summary>
public interface IRequestObserver
{
    void Observe(EmulatorState state, EmuRequest request, EmuResponse response);
}
