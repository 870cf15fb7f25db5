namespace Mnet.Core.Resources;

/// <summary>A string that is not a valid ARM resource id; the message names the id and what is wrong with it.</summary>
public sealed class ResourceIdException : FormatException
{
    public ResourceIdException(string resourceId, string reason)
        : base($"\"{resourceId}\" is not a valid ARM resource id: {reason}")
    {
        ResourceId = resourceId;
        Reason = reason;
    }

    public string ResourceId { get; }
    public string Reason { get; }
}
