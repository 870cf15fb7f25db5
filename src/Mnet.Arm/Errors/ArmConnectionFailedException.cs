namespace Mnet.Arm.Errors;

/// <summary>No response at all (reset, timeout, refused, TLS) after every retry; status 0.</summary>
public class ArmConnectionFailedException : ArmException
{
    public ArmConnectionFailedException(ArmErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}
