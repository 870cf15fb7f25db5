using Mnet.Emulator.Http;

namespace Mnet.Emulator.Routing;

/// <summary>A handler runs under the state gate: synchronous, in memory, never waits.</summary>
public delegate EmuResponse RouteHandler(HandlerContext context, RouteParams parameters);
