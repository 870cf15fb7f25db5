namespace Mnet.Emulator.Routing;

/// <summary>
/// Every handler area, in route order: the first matching route wins, so specific areas come before generic ones
/// (generic dependency resources last). Adding an area is one line here.
/// </summary>
public static class EmulatorAreas
{
    public static IReadOnlyList<IEmulatorArea> All() =>
    [
        new Ml.Operations.OperationPollArea(),
        new Ml.Workspaces.WorkspacesArea(),
        new Ml.Rules.OutboundRulesArea(),
        new Ml.Computes.ComputesArea(),
        new Ml.Endpoints.EndpointsArea(),
        new ResourceGraph.ResourceGraphArea(),
        new Authorization.RoleAssignmentsArea(),
        new Authorization.RoleDefinitionsArea(),
        new Authorization.PermissionsArea(),
        new Locks.LocksArea(),
        new ResourceManager.SubscriptionsArea(),
        new ResourceManager.ResourceGroupsArea(),
        new ResourceManager.ProvidersArea(),
        new ResourceManager.ResourceListArea(),
        new Events.EventsArea(),
        new Network.NetworkArea(),
        new ResourceManager.GenericResourcesArea(), // keep last: it matches any provider type
    ];
}
