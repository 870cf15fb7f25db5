using Mnet.Emulator.Faults;
using Mnet.Emulator.Http;
using Mnet.Emulator.Operations;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Routing;

/// <summary>What a handler gets: the request, the state (gate held, settled), options and LRO plumbing.</summary>
public sealed class HandlerContext(EmuRequest request, EmulatorState state, string baseUrl, Func<Fault?> takeOperationFault)
{
    public EmuRequest Request { get; } = request;

    public EmulatorState State { get; } = state;

    public EmulatorOptions Options => State.Options;

    /// <summary>https://127.0.0.1:PORT</summary>
    public string BaseUrl { get; } = baseUrl;

    /// <summary>Starts an operation; an lroFail / lroNeverFinish fault aimed at this request applies to it.</summary>
    public OperationRecord StartOperation(OperationSpec spec) => State.StartOperation(spec, takeOperationFault());
}
