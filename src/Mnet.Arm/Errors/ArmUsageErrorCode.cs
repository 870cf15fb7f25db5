namespace Mnet.Arm.Errors;

/// <summary>Why the client refused a call before sending anything.</summary>
public enum ArmUsageErrorCode
{
    InvalidResourceId,
    WrongResourceType,
    InvalidName,
    ApiVersionUnknown,
    InvalidRoleDefinition,
    InvalidNamespace,
    InvalidOption,
    InternalInvariant,
}
