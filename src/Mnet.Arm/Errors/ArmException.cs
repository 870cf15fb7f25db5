using Mnet.Arm.Actions;
using Mnet.Arm.Lro;

namespace Mnet.Arm.Errors;

/// <summary>
/// What the service (or the way to it) answered: every failed call after retries, every failed long-running
/// operation. <see cref="FromDetails"/> picks the most specific subtype, so callers catch narrowly
/// (<see cref="ArmNotFoundException"/>, <see cref="ArmConflictException"/>, ...). Caller mistakes are
/// <see cref="ArmUsageException"/> instead, raised before any request.
/// </summary>
public class ArmException : Exception
{
    public ArmException(ArmErrorDetails details, Exception? innerException = null)
        : base(details.Message, innerException)
    {
        Details = details;
    }

    public ArmErrorDetails Details { get; }
    public int Status => Details.Status;
    public string Code => Details.Code;
    public string? Target => Details.Target;
    public string? RequestId => Details.RequestId;
    public ArmOperation Operation => Details.Operation;
    public string? ResourceId => Details.ResourceId;
    public string? Method => Details.Method;

    /// <summary>Throttled, timed out, server-side or connection failures: worth trying again later.</summary>
    public bool IsRetryable =>
        Status is 408 or 429 || Status >= 500 || Code == ArmErrorCodes.ConnectionFailed;

    public bool IsNotFound => Status == 404;
    public bool IsConflict => Status == 409;
    /// <summary>412: the If-Match etag no longer matches (someone else changed the resource).</summary>
    public bool IsPreconditionFailed => Status == 412;

    /// <summary>One line naming the method, resource and cause, e.g. for a CLI or a notification.</summary>
    public string UserMessage()
    {
        var request = string.IsNullOrEmpty(RequestId) ? "" : $" (request {RequestId})";
        return $"{Method ?? "call"} {ResourceDescription.Describe(ResourceId)} failed: {Code} — {Message.Trim()}{request}";
    }

    /// <summary>The most specific exception type for <paramref name="details"/>.</summary>
    public static ArmException FromDetails(ArmErrorDetails details, Exception? innerException = null)
    {
        if (details.OperationStatus is LroStatus.Failed or LroStatus.Canceled)
        {
            return new ArmOperationFailedException(details, innerException);
        }
        return details.Code switch
        {
            ArmErrorCodes.ManagedNetworkRulesLost => new ManagedNetworkRulesLostException(details, innerException),
            ArmErrorCodes.ResourceAlreadyExists => new ArmResourceAlreadyExistsException(details, innerException),
            ArmErrorCodes.RoleAssignmentExists => new ArmRoleAssignmentExistsException(details, innerException),
            ArmErrorCodes.ConnectionFailed => new ArmConnectionFailedException(details, innerException),
            ArmErrorCodes.UntrustedLink => new ArmUntrustedLinkException(details, innerException),
            ArmErrorCodes.InvalidResponse => new ArmInvalidResponseException(details, innerException),
            ArmErrorCodes.OperationTimedOut => new ArmOperationTimedOutException(details, innerException),
            ArmErrorCodes.ResourceGraphResultTruncated =>
                new ResourceGraphResultTruncatedException(details, innerException),
            ArmErrorCodes.ValidationError => new ArmValidationException(details, innerException),
            ArmErrorCodes.AuthorizationFailed or ArmErrorCodes.LinkedAuthorizationFailed =>
                new ArmAuthorizationFailedException(details, innerException),
            _ => details.Status switch
            {
                400 => new ArmBadRequestException(details, innerException),
                401 or 403 => new ArmAuthorizationFailedException(details, innerException),
                404 => new ArmNotFoundException(details, innerException),
                409 => new ArmConflictException(details, innerException),
                412 => new ArmPreconditionFailedException(details, innerException),
                429 => new ArmThrottledException(details, innerException),
                >= 500 => new ArmServerException(details, innerException),
                _ => new ArmException(details, innerException),
            },
        };
    }
}
