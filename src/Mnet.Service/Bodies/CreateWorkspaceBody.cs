using System.Text.Json.Nodes;
using Mnet.Workflows.Contracts;

namespace Mnet.Service.Bodies;

/// <summary>POST /workspaces; <see cref="WorkspaceId"/> is the id the new workspace will have (when its parts are valid).</summary>
internal sealed record CreateWorkspaceBody
{
    public string? SubscriptionId { get; init; }
    public string? ResourceGroup { get; init; }
    public string? Name { get; init; }
    public string? Location { get; init; }
    public string? Kind { get; init; }
    public string? HubId { get; init; }
    public JsonNode? Policy { get; init; }
    public WorkspaceDependencies? Dependencies { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public string? TicketId { get; init; }
    public string? RequestedBy { get; init; }
    public bool DryRun { get; init; }
    public string? WorkspaceId { get; init; }

    /// <summary>Subscriptions the request refers to (the workspace's, the hub's, the dependencies'), lower-cased.</summary>
    public IReadOnlyList<string> SubscriptionsReferenced()
    {
        var ids = new List<string?> { HubId, Dependencies?.StorageAccount, Dependencies?.KeyVault, Dependencies?.ApplicationInsights, Dependencies?.ContainerRegistry };
        var subs = new List<string>();
        if (SubscriptionId is not null) subs.Add(SubscriptionId.ToLowerInvariant());
        foreach (string? id in ids)
        {
            if (Core.Resources.ResourceId.TryParse(id, out var parsed)) subs.Add(parsed.SubscriptionId.ToLowerInvariant());
        }

        return subs.Distinct(StringComparer.Ordinal).ToList();
    }
}
