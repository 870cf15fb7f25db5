namespace Mnet.Arm.Errors;

/// <summary>5xx still answered after every retry: transient, try again later.</summary>
public class ArmServerException : ArmException
{
    public ArmServerException(ArmErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}
