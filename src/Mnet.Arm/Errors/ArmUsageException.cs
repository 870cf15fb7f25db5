namespace Mnet.Arm.Errors;

/// <summary>
/// A call the client refuses before any request is sent (the brief's ArmUsageError): a malformed id, a name it
/// cannot put in a URL, an option out of range. Never retryable; fix the caller. Distinct from
/// <see cref="ArmException"/> (what the service answered).
/// </summary>
public class ArmUsageException : ArgumentException
{
    public ArmUsageException(ArmUsageErrorCode code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public ArmUsageErrorCode Code { get; }
}
