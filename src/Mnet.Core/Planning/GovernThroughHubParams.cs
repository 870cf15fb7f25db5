namespace Mnet.Core.Planning;

/// <param name="HubCompliant">Null: the hub's state was not available to the planner.</param>
public sealed record GovernThroughHubParams(string HubResourceId, IReadOnlyList<string> HubReasons)
{
    public bool? HubCompliant { get; init; }
}
