using System.Globalization;
using System.Text.Json.Nodes;
using Mnet.Emulator.Authorization;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ids;
using Mnet.Emulator.ResourceManager;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Events;

/// <summary>
/// Builds Azure Resource Manager events as an Event Grid subscription system topic delivers them: id, topic
/// (<c>/subscriptions/{s}</c>), subject (the resource id), eventType, eventTime, dataVersion, metadataVersion and
/// data {authorization, claims, correlationId, httpRequest, resourceProvider, resourceUri, operationName, status,
/// subscriptionId, tenantId}. PUT/PATCH are writes, DELETE deletes, POST an action on the resource it names.
/// </summary>
public static class ResourceEventFactory
{
    /// <summary>What a write request did, when it is one that raises an event (null otherwise).</summary>
    public static ResourceWrite? Describe(EmuRequest request, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method is not ("PUT" or "PATCH" or "DELETE" or "POST"))
        {
            return null;
        }

        var target = Canonical(request.Method == "POST" ? ScopePath.Parent(request.Path) : request.Path);
        var (subscriptionId, _) = ScopePath.Parts(target);
        if (subscriptionId is null)
        {
            return null; // tenant-level calls (Resource Graph queries) raise no subscription event
        }

        var (provider, type) = TypeOf(target);
        var operation = request.Method switch
        {
            "DELETE" => $"{type}/delete",
            "POST" => $"{type}/{ScopePath.LastSegment(request.Path)}/action",
            _ => $"{type}/write",
        };
        var kind = request.Method switch { "DELETE" => "Delete", "POST" => "Action", _ => "Write" };
        return new ResourceWrite(kind, target, subscriptionId, provider, operation, request.Method,
            baseUrl + request.PathAndQuery, request.Header("x-ms-correlation-request-id") ?? request.RequestId,
            request.Header("x-ms-client-request-id") ?? string.Empty, request.Header("Authorization"));
    }

    /// <param name="outcome">Succeeded, Failed or Canceled.</param>
    public static JsonObject Create(EmulatorState state, ResourceWrite write, string outcome, DateTimeOffset time, string id)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(write);
        var suffix = outcome switch { "Succeeded" => "Success", "Canceled" => "Cancel", _ => "Failure" };
        return new JsonObject
        {
            ["id"] = id,
            ["topic"] = ScopePath.Subscription(write.SubscriptionId),
            ["subject"] = write.ResourceUri,
            ["eventType"] = $"Microsoft.Resources.Resource{write.Kind}{suffix}",
            ["eventTime"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["data"] = new JsonObject
            {
                ["authorization"] = Authorization(state, write),
                ["claims"] = CallerIdentity.Claims(write.AuthorizationHeader) ?? new JsonObject(),
                ["correlationId"] = write.CorrelationId,
                ["httpRequest"] = new JsonObject
                {
                    ["clientRequestId"] = write.ClientRequestId,
                    ["clientIpAddress"] = "127.0.0.1",
                    ["method"] = write.Method,
                    ["url"] = write.Url,
                },
                ["resourceProvider"] = write.ResourceProvider,
                ["resourceUri"] = write.ResourceUri,
                ["operationName"] = write.OperationName,
                ["status"] = outcome,
                ["subscriptionId"] = write.SubscriptionId,
                ["tenantId"] = state.TenantOf(write.SubscriptionId) ?? string.Empty,
            },
            ["dataVersion"] = "2",
            ["metadataVersion"] = "1",
        };
    }

    /// <summary>ARM's fixed segment names in their canonical casing (<c>resourcegroups</c> -> <c>resourceGroups</c>).</summary>
    private static string Canonical(string path) => string.Join('/', path.Split('/').Select(s => s.ToLowerInvariant() switch
    {
        "subscriptions" => "subscriptions",
        "resourcegroups" => "resourceGroups",
        "providers" => "providers",
        _ => s,
    }));

    /// <summary>The role assignment that allowed the call, as ARM reports it (the anonymous operator: Owner).</summary>
    private static JsonObject Authorization(EmulatorState state, ResourceWrite write)
    {
        var evidence = new JsonObject { ["role"] = "Owner" };
        if (CallerIdentity.PrincipalId(write.AuthorizationHeader) is { } principal)
        {
            evidence = new JsonObject { ["principalId"] = principal };
            foreach (var ra in state.RoleAssignments.Live)
            {
                var props = ra["properties"];
                var definition = RoleDefinitionStore.Find(state, ScopePath.LastSegment(props.Str("roleDefinitionId") ?? string.Empty));
                if (string.Equals(props.Str("principalId"), principal, StringComparison.OrdinalIgnoreCase)
                    && ScopePath.Covers(props.Str("scope") ?? string.Empty, write.ResourceUri) && definition is not null
                    && RolePermissions.Grant(definition["properties"]?["permissions"], write.OperationName))
                {
                    evidence = new JsonObject
                    {
                        ["role"] = RoleDefinitionStore.RoleName(definition),
                        ["roleAssignmentScope"] = props.Str("scope"),
                        ["roleAssignmentId"] = ra.Str("name"),
                        ["roleDefinitionId"] = definition.Str("name"),
                        ["principalId"] = principal,
                        ["principalType"] = props.Str("principalType"),
                    };
                    break;
                }
            }
        }

        return new JsonObject { ["scope"] = write.ResourceUri, ["action"] = write.OperationName, ["evidence"] = evidence };
    }

    /// <summary>
    /// Provider and full type of an id: after its last <c>providers</c> segment, else Microsoft.Resources; spelled
    /// as the provider publishes them when the catalog knows them (ARM's operation names are not the URL's casing).
    /// </summary>
    private static (string Provider, string Type) TypeOf(string id)
    {
        var parts = id.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var p = Array.FindLastIndex(parts, s => s.Equals("providers", StringComparison.OrdinalIgnoreCase));
        if (p >= 0 && p + 1 < parts.Length)
        {
            var known = ProviderCatalog.Find(parts[p + 1]);
            var ns = known?.Namespace ?? parts[p + 1];
            var types = string.Join('/', parts.Skip(p + 2).Where((_, i) => i % 2 == 0));
            types = known?.Find(types)?.ResourceType ?? types;
            return (ns, types.Length == 0 ? ns : $"{ns}/{types}");
        }

        var resources = parts.Where((_, i) => i % 2 == 0);
        return ("Microsoft.Resources", string.Join('/', ["Microsoft.Resources", .. resources]));
    }
}
