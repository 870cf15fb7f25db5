namespace Mnet.Emulator.Routing;

/// <summary>
/// One route: an ARM path pattern with <c>{param}</c> segments (compared case-insensitively, as ARM does); a leading
/// <c>{*scope}</c> captures any valid scope prefix (extension resources: role assignments, locks).
/// </summary>
/// <param name="CheckParents">Answer 404 when the subscription / resource group in the path does not exist.</param>
public sealed record Route(
    string Method,
    string Pattern,
    ApiVersionPolicy ApiVersions,
    RouteHandler Handler,
    LockEffect Lock = LockEffect.ByMethod,
    bool CheckParents = true);
