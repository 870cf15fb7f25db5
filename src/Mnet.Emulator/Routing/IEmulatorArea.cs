namespace Mnet.Emulator.Routing;

/// <summary>
/// A handler area (workspaces, computes, authorization, ...): registers its routes and may set up state and
/// observers once at start. List it in <see cref="EmulatorAreas"/>.
/// </summary>
public interface IEmulatorArea
{
    void Register(RouteTable routes);

    /// <summary>Runs once before the scenario is seeded (built-in data, the access check, observers).</summary>
    void Initialize(AreaContext context)
    {
    }
}
