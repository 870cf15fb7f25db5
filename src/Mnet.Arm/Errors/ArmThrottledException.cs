namespace Mnet.Arm.Errors;

/// <summary>429 still answered after every retry.</summary>
public class ArmThrottledException : ArmException
{
    public ArmThrottledException(ArmErrorDetails details, Exception? innerException = null)
        : base(details, innerException)
    {
    }
}
