namespace Mnet.Emulator.Routing;

/// <summary>The result of matching a request: a route, or the methods the path allows (405), or nothing (404).</summary>
public sealed record RouteMatch(Route? Route, RouteParams? Parameters, IReadOnlyList<string> AllowedMethods)
{
    public bool Found => Route is not null;
}
