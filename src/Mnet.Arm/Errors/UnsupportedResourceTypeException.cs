namespace Mnet.Arm.Errors;

/// <summary>
/// A GET by id of a type the client holds no read action for: refused before any request, because the app is not a
/// Reader of the governed subscriptions and such a GET would only earn a 403.
/// </summary>
public sealed class UnsupportedResourceTypeException : ArmUsageException
{
    public UnsupportedResourceTypeException(string resourceType)
        : base(
            ArmUsageErrorCode.ApiVersionUnknown,
            $"no api-version known for {resourceType}: the ARM client reads only the types it declares an action " +
            "for (Mnet.Arm.Actions.ArmActions), and the app holds no */read")
    {
        ResourceType = resourceType;
    }

    public string ResourceType { get; }
}
