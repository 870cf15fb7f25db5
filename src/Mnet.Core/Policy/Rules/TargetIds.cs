using Mnet.Core.Resources;

namespace Mnet.Core.Policy.Rules;

/// <summary>Resource ids written in a policy must parse and name a resource.</summary>
internal static class TargetIds
{
    /// <summary>The parsed id, or the reason it is not a resource id.</summary>
    public static (ResourceId? Id, string? Error) Parse(string id)
    {
        ResourceId parsed;
        try
        {
            parsed = ResourceId.Parse(id);
        }
        catch (ResourceIdException e)
        {
            return (null, e.Message);
        }
        if (parsed.ResourceType is null || parsed.Name is null)
        {
            return (null,
                $"\"{id}\" names a subscription or resource group, not a resource " +
                $"(…/providers/{{namespace}}/{{type}}/{{name}})");
        }
        return (parsed, null);
    }
}
