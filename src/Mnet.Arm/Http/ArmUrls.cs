using Mnet.Arm.Errors;
using Mnet.Core.Resources;

namespace Mnet.Arm.Http;

/// <summary>Request paths from validated ids; names and query values are URL-encoded.</summary>
public static class ArmUrls
{
    public const string WorkspaceType = "Microsoft.MachineLearningServices/workspaces";
    public const string OutboundRuleType = "Microsoft.MachineLearningServices/workspaces/outboundRules";
    public const string ComputeType = "Microsoft.MachineLearningServices/workspaces/computes";
    public const string OnlineEndpointType = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints";
    public const string OnlineDeploymentType =
        "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments";

    /// <summary><c>{path}?api-version=...&amp;k=v</c>; null query values are left out.</summary>
    public static string Path(string path, string apiVersion, IEnumerable<KeyValuePair<string, string?>>? query = null)
    {
        var pairs = new List<string> { $"api-version={Uri.EscapeDataString(apiVersion)}" };
        foreach (var (key, value) in query ?? [])
        {
            if (value is not null) pairs.Add($"{key}={Uri.EscapeDataString(value)}");
        }
        return $"{path}?{string.Join('&', pairs)}";
    }

    /// <summary>
    /// Validates an id (and, when given, its full type, without case); returns it trimmed, without a trailing slash.
    /// A malformed id or an id of another type is an <see cref="ArmUsageException"/>.
    /// </summary>
    public static string RequireId(string id, string? expectedType = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        var trimmed = id.Trim().TrimEnd('/');
        ResourceId parsed;
        try
        {
            parsed = ResourceId.Parse(trimmed);
        }
        catch (ResourceIdException e)
        {
            throw new ArmUsageException(ArmUsageErrorCode.InvalidResourceId, e.Message, e);
        }
        if (expectedType is not null &&
            !string.Equals(parsed.ResourceType, expectedType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArmUsageException(ArmUsageErrorCode.WrongResourceType, $"\"{id}\" is not a {expectedType} id");
        }
        return trimmed;
    }

    /// <summary><c>{parent}/{type}/{name}</c>, refusing a name that cannot stand in one URL segment.</summary>
    public static string ChildId(string parentId, string type, string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(['/', '\\', '?', '#']) >= 0)
        {
            throw new ArmUsageException(ArmUsageErrorCode.InvalidName, $"\"{name}\" is not a valid {type} name");
        }
        return $"{parentId}/{type}/{Uri.EscapeDataString(name)}";
    }

    /// <summary>A subscription id validated as resource ids are (a GUID).</summary>
    public static string RequireSubscription(string subscriptionId)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        return ResourceId.Parse(RequireId($"/subscriptions/{subscriptionId.Trim()}")).SubscriptionId;
    }
}
